// VS Code extension for the agenda language: starts `agendac lsp` for .agenda files.
// Highlighting comes from syntaxes/agenda.tmLanguage.json and, on top of it,
// from the server's semantic tokens.
'use strict';

const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

/** @type {LanguageClient | undefined} */
let client;

function settings() {
  const config = vscode.workspace.getConfiguration('agenda');
  return {
    serverPath: config.get('serverPath') || 'agendac',
    kleFile: config.get('kleFile') || '',
  };
}

async function startClient(context) {
  const { serverPath, kleFile } = settings();
  const serverOptions = {
    command: serverPath,
    args: ['lsp'],
    transport: TransportKind.stdio,
  };
  const clientOptions = {
    documentSelector: [{ scheme: 'file', language: 'agenda' }],
    initializationOptions: kleFile ? { kleFile } : {},
    synchronize: {
      // sends workspace/didChangeConfiguration when an agenda.* setting changes
      configurationSection: 'agenda',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/agendac.json'),
    },
  };
  client = new LanguageClient('agenda', 'Agenda language server', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (error) {
    vscode.window.showErrorMessage(
      `Could not start the agenda language server "${serverPath} lsp": ${error && error.message ? error.message : error}. ` +
        'Set "agenda.serverPath" to the agendac executable.'
    );
  }
}

async function activate(context) {
  await startClient(context);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      // the server command and its start-up options only take effect on a restart
      if (event.affectsConfiguration('agenda.serverPath') || event.affectsConfiguration('agenda.kleFile')) {
        await deactivate();
        await startClient(context);
      }
    }),
    vscode.commands.registerCommand('agenda.restartServer', async () => {
      await deactivate();
      await startClient(context);
    })
  );
}

async function deactivate() {
  if (client) {
    const stopping = client;
    client = undefined;
    if (stopping.isRunning()) {
      await stopping.stop();
    }
  }
}

module.exports = { activate, deactivate };
