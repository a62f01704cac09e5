import { validationError, type ArmErrorDetail } from '../arm-errors.js';
import { segmentsText } from './expression.js';
import { containers, policyRules, sections, type Scope, type Section } from './catalog.js';
import { parsePolicy, PolicySyntaxError, type PolicyDocument, type PolicyElement } from './parse.js';

/** What the service knows when it validates a policy: its scope and the entities it may reference. */
export interface PolicyContext {
  scope: Scope;
  /** Named values are referenced by display name (`{{display-name}}`). */
  namedValueExists(displayName: string): boolean;
  fragmentExists(id: string): boolean;
}

function detail(message: string): ArmErrorDetail {
  return { code: 'ValidationError', target: 'representation', message };
}

function at(el: PolicyElement, message: string): ArmErrorDetail {
  return detail(`Error in element '${el.name}' on line ${el.line}, column ${el.column}: ${message}`);
}

function attribute(el: PolicyElement, name: string): string | undefined {
  const attr = el.attributes.find((a) => a.name === name);
  return attr ? segmentsText(attr.value) : undefined;
}

class Checker {
  readonly errors: ArmErrorDetail[] = [];
  constructor(private readonly ctx: PolicyContext) {}

  policy(el: PolicyElement, section: Section | undefined): void {
    const rule = policyRules[el.name];
    if (!rule) {
      this.errors.push(at(el, `Unrecognized policy element '${el.name}'.`));
      return;
    }
    if (section && rule.sections && !rule.sections.includes(section))
      this.errors.push(at(el, `Policy is not allowed in '${section}' section`));
    if (rule.notIn?.includes(this.ctx.scope))
      this.errors.push(at(el, `Policy is not allowed in this scope (${this.ctx.scope})`));
    for (const name of rule.required ?? [])
      if (attribute(el, name) === undefined) this.errors.push(at(el, `Missing required attribute '${name}'`));
    if (el.name === 'include-fragment') {
      const id = attribute(el, 'fragment-id');
      if (id !== undefined && !this.ctx.fragmentExists(id))
        this.errors.push(at(el, `Policy fragment with id '${id}' was not found.`));
    }
    const nested = containers[el.name];
    if (!nested) return;
    for (const child of el.children) {
      if (child.kind !== 'element') continue;
      if (nested.length && nested.includes(child.name)) this.policies(child, section);
      else if (nested.length)
        this.errors.push(at(child, `Element '${child.name}' is not allowed in '${el.name}'.`));
      else this.policy(child, section);
    }
  }

  policies(parent: PolicyElement, section: Section | undefined): void {
    for (const child of parent.children) if (child.kind === 'element') this.policy(child, section);
  }

  /**
   * `{{name}}` in attributes or text must name an existing named value. Liquid templates
   * (`<set-body template="liquid">`) use `{{ ... }}` for their own variables, and a named value's name
   * has no spaces or brackets, so neither of those counts as a reference.
   */
  namedValues(el: PolicyElement): void {
    if (el.name === 'set-body' && attribute(el, 'template') === 'liquid') return;
    const texts = [
      ...el.attributes.map((a) => segmentsText(a.value)),
      ...el.children.flatMap((c) => (c.kind === 'text' ? [segmentsText(c.value)] : [])),
    ];
    for (const text of texts) {
      for (const m of text.matchAll(/\{\{([A-Za-z0-9-._]+)\}\}/g)) {
        if (!this.ctx.namedValueExists(m[1])) this.errors.push(at(el, `Cannot find a property '${m[1]}'`));
      }
    }
    for (const child of el.children) if (child.kind === 'element') this.namedValues(child);
  }
}

function checkStructure(doc: PolicyDocument, checker: Checker, scope: Scope): void {
  const root = doc.root;
  if (scope === 'fragment') {
    if (root.name !== 'fragment') checker.errors.push(at(root, "Root element must be 'fragment'."));
    else checker.policies(root, undefined);
    return;
  }
  if (root.name !== 'policies') {
    checker.errors.push(at(root, "Root element must be 'policies'."));
    return;
  }
  const seen = new Set<string>();
  for (const child of root.children) {
    if (child.kind === 'text' && segmentsText(child.value).trim())
      checker.errors.push(at(root, 'Text is not allowed in this element.'));
    if (child.kind !== 'element') continue;
    if (!sections.includes(child.name as Section)) {
      checker.errors.push(at(child, `Element '${child.name}' is not a policy section.`));
      continue;
    }
    if (seen.has(child.name))
      checker.errors.push(at(child, `Section '${child.name}' is defined more than once.`));
    seen.add(child.name);
    checker.policies(child, child.name as Section);
  }
}

/**
 * Parses and checks a policy as APIM does before storing it; throws 400 ValidationError whose details
 * read `Error in element 'x' on line L, column C: ...`.
 */
export function validatePolicy(text: string, format: 'xml' | 'rawxml', ctx: PolicyContext): PolicyDocument {
  let doc: PolicyDocument;
  try {
    doc = parsePolicy(text, format);
  } catch (err) {
    if (err instanceof PolicySyntaxError) throw validationError([detail(err.message)]);
    throw err;
  }
  const checker = new Checker(ctx);
  checkStructure(doc, checker, ctx.scope);
  checker.namedValues(doc.root);
  if (checker.errors.length) throw validationError(checker.errors);
  return doc;
}
