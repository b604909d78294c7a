// Starts `books lsp` for .books files. The grammar and the editor settings are in
// package.json; everything else (diagnostics, completion, hover, ...) comes from the server.
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration('books');
  const command = config.get('path') || 'books';
  const server = { command, args: ['lsp'] };
  client = new LanguageClient('books', 'books', { run: server, debug: server }, {
    documentSelector: [{ scheme: 'file', language: 'books' }],
    initializationOptions: { mainFiles: config.get('mainFiles') || [] },
  });
  client.start();
  context.subscriptions.push({ dispose: () => client && client.stop() });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
