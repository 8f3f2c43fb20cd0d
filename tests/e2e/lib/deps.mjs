// SPDX-License-Identifier: MIT
// The e2e suite's npm dependencies live in web-client/node_modules (one package-lock.json).
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SOURCE_DIR = resolve(process.env.PROCTOR_SOURCE_DIR || join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..'));
export const WEB_CLIENT_DIR = join(SOURCE_DIR, 'web-client');
const require = createRequire(join(WEB_CLIENT_DIR, 'package.json'));

export const { chromium } = require('playwright-core');
export const Ajv = require('ajv').default ?? require('ajv');
export const addFormats = require('ajv-formats').default ?? require('ajv-formats');
