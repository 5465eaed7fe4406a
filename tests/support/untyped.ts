/**
 * A value a test reads without declaring its type: a JSON answer, whose shape is what the assertions check, or a
 * browser object inside page.evaluate (the Node test program has no DOM types).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the assertions check these shapes; declaring them too would say it twice
export type Untyped = any;
