/** The socket failures both dialects classify alike (their sessions call socketConnectError first). */
import { expect, it } from '@jest/globals'
import { socketConnectError } from '../../src/dialects/connect-error.js'

it.each(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL'])('%s is a DNS failure naming the host', (code) => {
  const error = socketConnectError(code, 'db.internal', 5432, 'listen_addresses')
  expect(error).toMatchObject({ failure: 'dns', message: `Cannot resolve host "db.internal" (${code}).` })
})

it("ECONNREFUSED is refused, naming host:port and the dialect's listen setting", () => {
  expect(socketConnectError('ECONNREFUSED', 'db', 3306, 'bind_address')).toMatchObject({
    failure: 'refused',
    message: 'Connection refused by db:3306: nothing is listening there.',
    mitigation: expect.stringContaining('its bind_address includes this interface'),
  })
})

it('other codes are left to the dialect', () => {
  for (const code of ['ECONNRESET', 'ETIMEDOUT', '28P01', '']) expect(socketConnectError(code, 'db', 5432, 'listen_addresses')).toBeUndefined()
})
