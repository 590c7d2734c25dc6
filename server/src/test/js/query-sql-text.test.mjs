// Names and insertion in the query editor's SQL text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { identifier, insertText, qualifiedName } from '../../main/resources/io/glaux/ui/js/query/sql-text.js';

test('plain names stay bare, others are double-quoted with quotes doubled', () => {
  assert.equal(qualifiedName('shop', 'customers'), 'shop.customers');
  assert.equal(identifier('Web Events'), '"Web Events"');
  assert.equal(identifier('a"b'), '"a""b"');
  assert.equal(qualifiedName('', 't1'), 't1');
});

test('inserted text replaces the selection and the cursor goes after it', () => {
  assert.deepEqual(insertText('SELECT * FROM ', 14, 14, 'shop.orders'),
    { text: 'SELECT * FROM shop.orders', cursor: 25 });
  assert.deepEqual(insertText('SELECT * FROM x WHERE', 14, 15, 't'), { text: 'SELECT * FROM t WHERE', cursor: 15 });
  assert.deepEqual(insertText('ab', 9, 9, 'c'), { text: 'abc', cursor: 3 });
});
