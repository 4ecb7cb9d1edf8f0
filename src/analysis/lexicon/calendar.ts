/**
 * Calendar words: the one home of month names, their abbreviations, week days and the words for a
 * day counted from today. Rules that need to see a date (`on 4 June`, `Tue. 12`, `since Monday`)
 * build their patterns from these lists rather than writing their own.
 *
 * Words are capitalised as news copy writes them, so that a capitalised look-up can tell the month
 * `May` from the verb `may`; lower-case them for a look-up that ignores case.
 */

/** The twelve month names, in calendar order. */
export const MONTHS: readonly string[] = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
];

/**
 * Month abbreviations as written in datelines (`Mar. 25`), without their stop; `Sept` as well as `Sep`.
 * `May` is never shortened, so it appears only in `MONTHS`.
 */
export const MONTH_ABBREVIATIONS: readonly string[] = ['Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec'];

/** The seven week days, Monday first. */
export const WEEKDAYS: readonly string[] = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Week days shortened, as page chrome and datelines write them (`Tue`, `Thurs`), without their stop. */
export const WEEKDAY_ABBREVIATIONS: readonly string[] = ['Mon', 'Tue', 'Tues', 'Wed', 'Thu', 'Thur', 'Thurs', 'Fri', 'Sat', 'Sun'];

/** Words that name a day by its distance from the day of writing (`the talks end tomorrow`); lower-case, as written mid-sentence. */
export const RELATIVE_DAYS: readonly string[] = ['today', 'tonight', 'yesterday', 'tomorrow'];
