// The izin extension: starts `izin lsp` for .izin procedures and *.test.yaml scenarios.
'use strict';

const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration('izin');
  const lang = config.get('lang');
  const server = {
    command: config.get('path') || 'izin',
    args: lang ? ['lsp', '--lang', lang] : ['lsp'],
    transport: TransportKind.stdio,
  };
  client = new LanguageClient('izin', 'izin', server, {
    documentSelector: [
      { scheme: 'file', language: 'izin' },
      { scheme: 'file', pattern: '**/*.test.yaml' },
    ],
  });
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
