/**
 * The reports of a run written next to each other and uploaded as one workflow artifact with
 * @actions/artifact. The files are written before anything talks to GitHub, so a failed upload
 * still leaves them in the job summary, the outputs and the runner's temp folder.
 */
import { DefaultArtifactClient } from '@actions/artifact'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface ReportFiles {
  readonly dir: string
  readonly txt: string
  readonly json: string
  readonly sarif: string
  readonly md: string
}

/** Writes the rendered reports as <base>.txt/.json/.sarif/.md in `dir`. */
export function writeReportFiles(dir: string, base: string, rendered: { txt: string; json: string; sarif: string; md: string }): ReportFiles {
  mkdirSync(dir, { recursive: true })
  const files = { dir, txt: join(dir, `${base}.txt`), json: join(dir, `${base}.json`), sarif: join(dir, `${base}.sarif`), md: join(dir, `${base}.md`) }
  writeFileSync(files.txt, rendered.txt)
  writeFileSync(files.json, rendered.json)
  writeFileSync(files.sarif, rendered.sarif)
  writeFileSync(files.md, rendered.md)
  return files
}

/** Uploads the files as one artifact, giving up after `timeoutMs` (the upload cannot be aborted, only abandoned). */
export async function uploadReports(name: string, files: readonly string[], rootDir: string, retentionDays: number | undefined, timeoutMs: number): Promise<{ id: number | undefined; size: number | undefined }> {
  const client = new DefaultArtifactClient()
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the upload did not finish within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs)
  })
  try {
    const result = await Promise.race([client.uploadArtifact(name, [...files], rootDir, retentionDays ? { retentionDays } : {}), timeout])
    return { id: result.id, size: result.size }
  } finally {
    clearTimeout(timer)
  }
}
