/**
 * Hostile and broken "servers" on 127.0.0.1 for connection tests: one that accepts and never
 * answers, one that closes at once, one that speaks HTTP, one that rejects every password the way
 * PostgreSQL does (SQLSTATE 28P01), and a proxy to a real server that can be frozen mid-session.
 */
import net from 'node:net'

export interface FakeServer {
  readonly port: number
  /** Client chunks received so far (all connections). */
  readonly received: Buffer[]
  close(): Promise<void>
}

/** Listens on a free port with `onConnection`, tracking sockets so close() ends them too. */
async function listen(onConnection: (socket: net.Socket) => void): Promise<FakeServer> {
  const sockets = new Set<net.Socket>()
  const received: Buffer[] = []
  const server = net.createServer((socket) => {
    sockets.add(socket)
    socket.on('error', () => undefined)
    socket.on('close', () => sockets.delete(socket))
    socket.on('data', (chunk) => received.push(chunk))
    onConnection(socket)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as net.AddressInfo).port,
    received,
    async close() {
      for (const s of sockets) s.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** Accepts connections and never sends a byte. */
export function startSilentServer(): Promise<FakeServer> {
  return listen(() => undefined)
}

/** Closes every connection as soon as it is accepted. */
export function startClosingServer(): Promise<FakeServer> {
  return listen((socket) => socket.destroy())
}

/** Answers whatever arrives with an HTTP error, as a web server on the wrong port would. */
export function startHttpServer(): Promise<FakeServer> {
  return listen((socket) => socket.once('data', () => socket.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n')))
}

/** A PostgreSQL message: type byte, int32 length, body. */
function message(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(5)
  head.write(type, 0, 'latin1')
  head.writeInt32BE(body.length + 4, 1)
  return Buffer.concat([head, body])
}

/**
 * Speaks just enough PostgreSQL to refuse a password: declines TLS, asks for a clear-text password,
 * then sends FATAL 28P01 echoing nothing of what the client sent.
 */
export function startPasswordRejectingServer(): Promise<FakeServer> {
  return listen((socket) => {
    let stage = 0
    socket.on('data', (chunk) => {
      // An SSLRequest is 8 bytes: length 8, code 80877103.
      if (stage === 0 && chunk.length === 8 && chunk.readInt32BE(4) === 80877103) {
        socket.write('N')
        return
      }
      if (stage === 0) {
        stage = 1
        const cleartext = Buffer.alloc(4)
        cleartext.writeInt32BE(3, 0)
        socket.write(message('R', cleartext))
        return
      }
      const fields = ['SFATAL', 'VFATAL', 'C28P01', 'Mpassword authentication failed for user "app"']
      socket.end(message('E', Buffer.concat([...fields.map((f) => Buffer.from(`${f}\0`, 'utf8')), Buffer.from([0])])))
    })
  })
}

export interface FreezingProxy extends FakeServer {
  /** From now on nothing the server sends reaches the client; the connection stays open. */
  freeze(): void
}

/** First byte of the frontend messages that carry a query: Query ('Q') and Parse ('P'). */
const QUERY_MESSAGE_TYPES = new Set([0x51, 0x50])

/**
 * Relays to a real server until frozen: by freeze(), or by itself once the client has sent
 * `freezeAfterQueries` queries on one connection (so a spawned CLI is cut off part-way). Queries,
 * not chunks, are counted: the startup and authentication exchange differs between servers
 * (trust, md5, SCRAM) while the queries after it do not.
 */
export async function startFreezingProxy(target: { host: string; port: number }, options: { freezeAfterQueries?: number } = {}): Promise<FreezingProxy> {
  let isFrozen = false
  const upstreams = new Set<net.Socket>()
  const server = await listen((client) => {
    const upstream = net.connect(target.port, target.host)
    upstreams.add(upstream)
    let queries = 0
    upstream.on('error', () => client.destroy())
    client.on('close', () => upstream.destroy())
    upstream.on('close', () => upstreams.delete(upstream))
    client.on('data', (chunk) => {
      if (QUERY_MESSAGE_TYPES.has(chunk[0]!)) queries++
      if (options.freezeAfterQueries !== undefined && queries > options.freezeAfterQueries) isFrozen = true
      if (!isFrozen) upstream.write(chunk)
    })
    upstream.on('data', (chunk) => {
      if (!isFrozen) client.write(chunk)
    })
  })
  return {
    ...server,
    freeze() {
      isFrozen = true
    },
    async close() {
      for (const u of upstreams) u.destroy()
      await server.close()
    },
  }
}
