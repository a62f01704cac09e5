import { globList } from '../../src/validate/glob.js';

/** The globs of a ruleset (overrides[].files, ignore), as .gitignore and eslint users know them. */
describe('ruleset glob lists', () => {
  it.each([
    // pattern list, path, matches
    [['apis/**'], 'apis/orders/operations/get/policy.xml', true],
    [['apis/**'], 'products/starter/policy.xml', false],
    [['apis/*/policy.xml'], 'apis/orders/policy.xml', true],
    [['apis/*/policy.xml'], 'apis/orders/operations/get/policy.xml', false],
    [['**/policy.xml'], 'policy.xml', true],
    [['apis/legacy-?/**'], 'apis/legacy-1/policy.xml', true],
    [['apis/legacy-?/**'], 'apis/legacy-10/policy.xml', false],
    // braces: alternatives and ranges
    [['apis/{orders,billing}/**'], 'apis/billing/policy.xml', true],
    [['apis/{orders,billing}/**'], 'apis/shipping/policy.xml', false],
    [['apis/v{1..3}/**'], 'apis/v2/policy.xml', true],
    [['apis/v{1..3}/**'], 'apis/v4/policy.xml', false],
    // classes
    [['apis/[a-c]*/**'], 'apis/billing/policy.xml', true],
    [['apis/[a-c]*/**'], 'apis/orders/policy.xml', false],
    [['apis/[^a-c]*/**'], 'apis/orders/policy.xml', true],
    // negation excludes from the rest of the list
    [['apis/**', '!apis/legacy/**'], 'apis/orders/policy.xml', true],
    [['apis/**', '!apis/legacy/**'], 'apis/legacy/policy.xml', false],
    [['!apis/legacy/**'], 'products/starter/policy.xml', true],
    [['!apis/legacy/**'], 'apis/legacy/operations/get/policy.xml', false],
    // APIOps folder names have spaces; dot folders are not special
    [['policy fragments/**'], 'policy fragments/cors/policy.xml', true],
    [['named values/*/namedValueInformation.json'], 'named values/key/namedValueInformation.json', true],
    [['.drafts/**'], '.drafts/apis/a/policy.xml', true],
    [['**/*.xml'], '.drafts/policy.xml', true],
    // an empty list names nothing (an absent `ignore` ignores nothing)
    [[], 'policy.xml', false],
  ] as const)('%j on %s: %s', (patterns, file, matches) => {
    expect(globList(patterns)(file)).toBe(matches);
  });
});
