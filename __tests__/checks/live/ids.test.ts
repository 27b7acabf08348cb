/**
 * src/checks/live/ids.ts lists the live check ids apart from the registry, so that lint can
 * validate ids without loading the checks (issue 4): the two lists must stay equal.
 */
import { describe, expect, it } from '@jest/globals'
import { LIVE_CHECK_IDS } from '../../../src/checks/live/ids.js'
import { liveChecks } from '../../../src/checks/live/index.js'

describe('live check ids', () => {
  it('are exactly the ids of the registered live checks, sorted', () => {
    expect([...LIVE_CHECK_IDS]).toEqual(liveChecks.map((c) => c.id).sort())
    expect([...LIVE_CHECK_IDS]).toEqual([...LIVE_CHECK_IDS].sort())
  })
})
