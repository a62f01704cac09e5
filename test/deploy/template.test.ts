import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadEnvironmentValues, renderTemplate } from '../../src/policy/template.js';

describe('environment templates', () => {
  it('substitutes #{name}# and leaves {{named values}} and expressions alone', () => {
    const text =
      '<set-backend-service base-url="#{backendUrl}#" />\n<set-header name="k"><value>{{api-key}}</value></set-header>\n<x a="@(&quot;#&quot; + 1)" />';
    const r = renderTemplate(text, { backendUrl: 'https://api.test' }, 'apis/a/policy.xml');
    expect(r.diagnostics).toEqual([]);
    expect(r.text).toBe(text.replace('#{backendUrl}#', 'https://api.test'));
  });

  it('reports an unresolved placeholder with file, line and column', () => {
    const r = renderTemplate('<a>\n  <b x="#{missing}#" />\n</a>', {}, 'policy.xml');
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({
      file: 'policy.xml',
      line: 2,
      column: 9,
      severity: 'error',
      ruleId: 'template/unresolved-placeholder',
    });
    expect(r.diagnostics[0].message).toContain('#{missing}#');
  });

  it('reports a malformed placeholder and honours the ##{ escape', () => {
    expect(renderTemplate('a #{ bad }# b', {}, 'f').diagnostics).toHaveLength(1);
    const r = renderTemplate('@("##{x}")', {}, 'f');
    expect(r.diagnostics).toEqual([]);
    expect(r.text).toBe('@("#{x}")');
  });

  it('loads environments/<env>.yaml', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'apim-gogs-env-'));
    await mkdir(path.join(root, 'environments'));
    await writeFile(
      path.join(root, 'environments', 'prod.yaml'),
      'backendUrl: https://prod.example\nretries: 3\n',
    );
    expect(await loadEnvironmentValues(root, 'prod')).toEqual({
      backendUrl: 'https://prod.example',
      retries: '3',
    });
    expect(await loadEnvironmentValues(root, 'dev')).toEqual({});
  });
});
