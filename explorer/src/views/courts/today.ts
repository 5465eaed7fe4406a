/** Today as a LocalDate, the day the views show the courts in force. */
export const today = (): string => new Date().toISOString().slice(0, 10);
