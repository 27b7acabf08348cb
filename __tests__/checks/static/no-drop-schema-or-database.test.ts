import { describe } from '@jest/globals'
import rule from '../../../src/checks/static/no-drop-schema-or-database.js'
import { testRule } from '../../support/rule-tester.js'
import { testBackupCases } from './support/backup-cases.js'

describe('no-drop-schema-or-database', () => {
  testRule(rule, {
    safe: [
      'CREATE SCHEMA staging;\nDROP SCHEMA staging CASCADE;',
      { sql: 'DROP SCHEMA IF EXISTS staging;', before: ['CREATE SCHEMA staging CREATE TABLE t (id int);'] },
      'DROP TABLE s.t; DROP VIEW v;',
      "SELECT 'DROP SCHEMA app CASCADE', 'DROP DATABASE shop';",
      '-- DROP DATABASE shop;\nSELECT 1;',
      'SELECT $$ DROP SCHEMA app CASCADE $$;',
    ],
    reported: [
      { sql: 'DROP SCHEMA app CASCADE;', at: '1:1', message: 'DROP SCHEMA app CASCADE deletes every table' },
      { sql: 'SELECT 1;\n\tdrop schema if exists "Staging";', at: '2:2', message: '"Staging" removes the schema' },
      { sql: 'DROP DATABASE IF EXISTS shop WITH (FORCE);', at: '1:1', message: 'DROP DATABASE deletes database shop' },
      { sql: 'CREATE SCHEMA staging;\nDROP SCHEMA staging, legacy CASCADE;', at: '2:1', message: 'DROP SCHEMA legacy CASCADE' },
      { sql: 'CREATE SCHEMA "Staging";\nDROP SCHEMA staging;', at: '2:1' },
      { sql: "DO $$ BEGIN EXECUTE 'DROP SCHEMA app CASCADE'; END $$;", at: '1:13', message: 'EXECUTE inside a DO block' },
    ],
  })

  testBackupCases(rule, [
    { sql: '-- preflight:backup pg_dump -n app 2026-11-25 in s3://dumps/app.dump\nDROP SCHEMA app CASCADE;', kind: 'directive', reference: 's3://dumps/app.dump' },
    { sql: 'DROP DATABASE shop;', live: { hasPitrBackup: true }, kind: 'pitr' },
    { sql: 'CREATE TABLE keep AS SELECT * FROM app.t; DROP SCHEMA app CASCADE;', kind: 'none' },
  ])
})
