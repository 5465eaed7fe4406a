/**
 * A set-up step that several tests of a suite rely on, run by the first of them that asks: each test states what it
 * needs, so it passes alone (`jest -t`) as well as after the tests that used to prepare it.
 */
export function once<T>(step: () => Promise<T>): () => Promise<T> {
  let done: Promise<T> | undefined;
  return () => (done ??= step());
}
