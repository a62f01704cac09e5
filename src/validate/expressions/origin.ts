import type { ElementNode } from '../../policy/ast.js';
import type { Located } from '../rule.js';
import type { VariableRead } from './semantics.js';

/**
 * The file each policy element was read from, recorded by the expression check as it walks every
 * document, so the repository rule can name the file of an element met inside a composed effective
 * policy (whose elements are the originals). Keyed weakly by the node: nothing outlives the run.
 */
export const elementFile = new WeakMap<ElementNode, string>();

/** Where each variable read sits in its file (reads carry code offsets; the document check maps them). */
export const readPosition = new WeakMap<VariableRead, Located>();
