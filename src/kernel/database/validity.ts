/** MikroORM condition "in force on `at`": periods are half-open [validFrom, validTo), null bounds are open. */
export const validAt = (at: string) => ({
  $and: [{ $or: [{ validFrom: null }, { validFrom: { $lte: at } }] }, { $or: [{ validTo: null }, { validTo: { $gt: at } }] }],
});

export const isValidAt = (period: { validFrom?: string | null; validTo?: string | null }, at: string): boolean =>
  (!period.validFrom || period.validFrom <= at) && (!period.validTo || period.validTo > at);
