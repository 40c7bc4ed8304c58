// A minimal VS Code client for the Waymark language server: starts `waymark lsp` (stdio) for
// YAML files; the server finds each file's roadmap repository itself (docs/editors.md).
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration('waymark').get('path', 'waymark');
  client = new LanguageClient(
    'waymark',
    'Waymark',
    { command, args: ['lsp'] },
    { documentSelector: [{ scheme: 'file', language: 'yaml' }] }
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
