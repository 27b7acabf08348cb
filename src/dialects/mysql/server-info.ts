/**
 * Server facts of a MySQL or MariaDB target read from VERSION(), without the driver: checks and
 * reports use them, and `migrations lint` must not load mysql2.
 */
import type { ServerInfo } from '../../engine/define.js'

/** True for a MariaDB server, whose VERSION() says so ("10.11.19-MariaDB-0+deb12u1"). */
export function isMariaDbVersion(version: string): boolean {
  return /mariadb/i.test(version)
}

/**
 * Server facts from VERSION(): the version without distribution suffixes ("10.11.19-MariaDB",
 * "8.0.36"), versionNum as MySQL writes it in executable comments (80036, 101119), major as its first number.
 */
export function serverInfoOf(rawVersion: string, currentUser: string, database: string, endpoint: { host: string; port: number }): ServerInfo {
  const [maj = 0, min = 0, patch = 0] = (/^(\d+)\.(\d+)\.(\d+)/.exec(rawVersion) ?? []).slice(1).map(Number)
  const numeric = `${maj}.${min}.${patch}`
  return {
    version: isMariaDbVersion(rawVersion) ? `${numeric}-MariaDB` : numeric,
    versionNum: maj * 10000 + min * 100 + patch,
    major: maj,
    currentUser,
    database,
    host: endpoint.host,
    port: endpoint.port,
  }
}

/** The release series of a server ("8.0", "10.11"), which is what support dates attach to. */
export function releaseSeries(info: Pick<ServerInfo, 'versionNum'>): string {
  return `${Math.floor(info.versionNum / 10000)}.${Math.floor(info.versionNum / 100) % 100}`
}
