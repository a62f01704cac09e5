/** task.json names inputs in camelCase; the core asks by the action's kebab-case names. */
export const taskInputName = (name: string): string =>
  name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
