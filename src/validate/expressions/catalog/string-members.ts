/**
 * Public members of System.String (.NET API reference, "String Class"), the LINQ operators it gets
 * as IEnumerable<char>, and the string extension methods of the policy expressions page (AsJwt,
 * AsBasic, TryParseJwt, TryParseBasic). Used only to catch a member written in the wrong case or a
 * JavaScript name (`.split`, `.toLowerCase()`): an unknown name in the right case is left alone,
 * since it may be an extension method this list does not hold.
 */
export const STRING_MEMBERS = new Set(
  (
    'Length Chars Clone CompareTo Contains CopyTo EndsWith Equals GetEnumerator GetHashCode GetType GetTypeCode ' +
    'IndexOf IndexOfAny Insert IsNormalized LastIndexOf LastIndexOfAny Normalize PadLeft PadRight Remove Replace ' +
    'Split StartsWith Substring ToCharArray ToLower ToLowerInvariant ToString ToUpper ToUpperInvariant Trim TrimEnd ' +
    'TrimStart Format Join Concat IsNullOrEmpty IsNullOrWhiteSpace Compare CompareOrdinal Copy Empty Intern IsInterned ' +
    'Aggregate All Any Append AsEnumerable Average Cast Count DefaultIfEmpty Distinct ElementAt ElementAtOrDefault ' +
    'Except First FirstOrDefault GroupBy Intersect Last LastOrDefault LongCount Max Min OfType OrderBy ' +
    'OrderByDescending Prepend Reverse Select SelectMany SequenceEqual Single SingleOrDefault Skip SkipWhile Sum ' +
    'Take TakeWhile ToArray ToDictionary ToHashSet ToList ToLookup Union Where Zip ' +
    'AsJwt AsBasic TryParseJwt TryParseBasic'
  ).split(' '),
);

/** JavaScript string members people write in C#, and the C# member that does the job. */
export const JAVASCRIPT_STRING_MEMBERS: Record<string, string> = {
  toLowerCase: 'ToLower',
  toUpperCase: 'ToUpper',
  includes: 'Contains',
  charAt: 'the indexer s[i]',
  padStart: 'PadLeft',
  padEnd: 'PadRight',
  slice: 'Substring',
  trimLeft: 'TrimStart',
  trimRight: 'TrimEnd',
  localeCompare: 'string.Compare',
};
