#!/usr/bin/env node
/** The `orderflow` bin: runs the CLI on the process's arguments. */
import { processIo } from './CliIo.js';
import { runCli } from './runCli.js';

process.exitCode = await runCli(process.argv.slice(2), processIo);
