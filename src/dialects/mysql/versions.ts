/**
 * MySQL and MariaDB release series: which ones Migrations Preflight supports, and when each stops
 * getting fixes upstream. Dates from the vendors' lifecycle pages as collected by endoflife.date
 * (https://endoflife.date/mysql, https://endoflife.date/mariadb); MySQL dates are the end of
 * Oracle's extended support, MariaDB dates the end of community maintenance.
 */

/** The oldest series the MySQL checks are written for. */
export const OLDEST_SUPPORTED = { mysql: '8.0', mariadb: '10.6' } as const

/** End of life by release series; series not listed (short-term releases) have no date here. */
export const MYSQL_END_OF_LIFE: Readonly<Record<string, string>> = {
  '5.6': '2021-02-28',
  '5.7': '2023-10-31',
  '8.0': '2026-04-30',
  '8.4': '2032-04-30',
}

export const MARIADB_END_OF_LIFE: Readonly<Record<string, string>> = {
  '10.3': '2023-05-25',
  '10.4': '2024-06-18',
  '10.5': '2025-06-24',
  '10.6': '2026-07-06',
  '10.11': '2028-02-16',
  '11.4': '2029-05-29',
  '11.8': '2028-06-04',
}
