import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, type MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';

export interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
  code?: string | number | { value: string };
  source?: string;
}

interface TextEdit {
  range: Diagnostic['range'];
  newText: string;
}

interface WorkspaceEdit {
  changes?: Record<string, TextEdit[]>;
  documentChanges?: { textDocument: { uri: string }; edits: TextEdit[] }[];
}

export interface CodeAction {
  title: string;
  kind?: string;
  edit?: WorkspaceEdit;
  command?: { command: string; arguments?: unknown[] };
}

/**
 * The ESLint language server that the VS Code ESLint extension runs (from vscode-langservers-extracted),
 * driven over JSON-RPC as the editor drives it: it asks for settings, is asked for diagnostics, answers
 * code action requests.
 */
export class EslintLanguageServer {
  private readonly process: ChildProcess;
  private readonly connection: MessageConnection;
  private readonly versions = new Map<string, number>();
  private onApplyEdit: ((edit: WorkspaceEdit) => void) | undefined;
  readonly log: string[] = [];

  constructor(private readonly workspace: string) {
    const require = createRequire(import.meta.url);
    const server = path.join(path.dirname(require.resolve('vscode-langservers-extracted/package.json')), 'bin', 'vscode-eslint-language-server');
    this.process = spawn(process.execPath, [server, '--stdio'], { cwd: workspace, stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr?.on('data', (chunk: Buffer) => this.log.push(chunk.toString()));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    const settings = this.settings();
    this.connection.onRequest((method: string, params: unknown) => {
      if (method === 'workspace/configuration') return ((params as { items: unknown[] }).items).map(() => settings);
      if (method === 'workspace/applyEdit') {
        this.onApplyEdit?.((params as { edit: WorkspaceEdit }).edit);
        return { applied: true };
      }
      return null;
    });
    this.connection.onNotification((method: string, params: unknown) => {
      if (method === 'window/logMessage') this.log.push((params as { message: string }).message);
    });
    this.connection.listen();
  }

  private settings() {
    return {
      validate: 'on',
      packageManager: 'npm',
      useESLintClass: false,
      useFlatConfig: true,
      experimental: { useFlatConfig: false },
      codeAction: {
        disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' },
        showDocumentation: { enable: false },
      },
      codeActionOnSave: { enable: false, mode: 'all' },
      format: false,
      quiet: false,
      onIgnoredFiles: 'off',
      options: {},
      rulesCustomizations: [],
      run: 'onType',
      problems: { shortenToSingleLine: false },
      nodePath: null,
      workspaceFolder: { name: path.basename(this.workspace), uri: pathToFileURL(this.workspace).href },
    };
  }

  async initialize(): Promise<void> {
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(this.workspace).href,
      workspaceFolders: [{ name: path.basename(this.workspace), uri: pathToFileURL(this.workspace).href }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true },
        textDocument: {
          diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } },
        },
      },
    });
    await this.connection.sendNotification('initialized', {});
  }

  /** Opens a document and returns its diagnostics, pulled as the editor pulls them. */
  async open(file: string, text: string, languageId: string): Promise<Diagnostic[]> {
    const uri = pathToFileURL(file).href;
    this.versions.set(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return this.diagnostics(uri);
  }

  /** Replaces the document's text, as typing does, and returns its diagnostics then. */
  async change(file: string, text: string): Promise<Diagnostic[]> {
    const uri = pathToFileURL(file).href;
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return this.diagnostics(uri);
  }

  /** The server declares a diagnostic provider: the client asks (LSP 3.17 pull diagnostics). */
  private async diagnostics(uri: string): Promise<Diagnostic[]> {
    const report = await this.connection.sendRequest<{ items?: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    return report.items ?? [];
  }

  async codeActions(file: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    const uri = pathToFileURL(file).href;
    return this.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: undefined },
    });
  }

  /**
   * The edit a code action makes: its own, or the one the server sends back (`workspace/applyEdit`)
   * when the editor runs the action's command, as the ESLint server's fixes and suggestions do.
   */
  async editOf(action: CodeAction): Promise<WorkspaceEdit> {
    if (action.edit) return action.edit;
    if (!action.command) return {};
    const edit = new Promise<WorkspaceEdit>((resolve) => {
      this.onApplyEdit = resolve;
    });
    await this.connection.sendRequest('workspace/executeCommand', { command: action.command.command, arguments: action.command.arguments });
    return edit;
  }

  async close(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } finally {
      this.connection.dispose();
      this.process.kill();
    }
  }
}

/** The text after a workspace edit, applied from the end so that offsets stay right. */
export function applyEdit(text: string, uri: string, edit: WorkspaceEdit): string {
  const edits = edit.changes?.[uri] ?? edit.documentChanges?.find((change) => change.textDocument.uri === uri)?.edits ?? [];
  const lines = text.split('\n');
  const offset = ({ line, character }: { line: number; character: number }) =>
    lines.slice(0, line).reduce((sum, current) => sum + current.length + 1, 0) + character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((current, edit) => current.slice(0, offset(edit.range.start)) + edit.newText + current.slice(offset(edit.range.end)), text);
}
