#!/usr/bin/env node
/** Entry point of the `migrations` binary. */
import { main } from './main.js'

process.exitCode = await main(process.argv)
