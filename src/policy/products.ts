import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { readRepoText } from './repo-file.js';

/**
 * Which APIs each product holds, from APIOps' `products/{p}/apis.json` (a list of API names, or of
 * objects with a `name`) or its `products/{p}/apis/{api}/` folders. Missing or unreadable files mean "unknown", never an error: the product
 * level of an effective policy is then left out.
 */
export async function loadProductApis(root: string): Promise<Map<string, string[]>> {
  const byApi = new Map<string, string[]>();
  let products: string[] = [];
  try {
    products = (await readdir(path.join(root, 'products'), { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
  } catch {
    return byApi;
  }
  for (const product of products) {
    let list: unknown;
    try {
      // Through repo-file: no link is followed and an oversized file is not read (a refusal means "unknown").
      const text = await readRepoText(root, `products/${product}/apis.json`);
      if (text === undefined) throw new Error('no apis.json');
      list = JSON.parse(text);
    } catch {
      // Current APIOps writes a folder per API instead: products/{p}/apis/{api}/productApiInformation.json.
      list = await readdir(path.join(root, 'products', product, 'apis'), { withFileTypes: true })
        .then((ds) => ds.filter((d) => d.isDirectory()).map((d) => d.name))
        .catch(() => undefined);
    }
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      const name =
        typeof item === 'string'
          ? item
          : item && typeof item === 'object'
            ? (item as { name?: unknown }).name
            : undefined;
      if (typeof name === 'string') byApi.set(name, [...(byApi.get(name) ?? []), product]);
    }
  }
  return byApi;
}
