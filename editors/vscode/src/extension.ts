// Starts `exolint server` (LSP over stdio) for Markdown, MDX, HTML and plain text.
// Everything else -- checking, hover, code actions, config reloads -- is the server's job.
import * as vscode from "vscode";
import {
  Executable,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
} from "vscode-languageclient/node";

// The server offers "copy suggested wording" as this command; LSP has no clipboard, so the
// extension runs it itself instead of sending it back to the server.
const COPY_COMMAND = "exolint.copySuggestion";

let client: LanguageClient | undefined;

function createClient(): LanguageClient {
  const config = vscode.workspace.getConfiguration("exolint");
  const command = config.get<string>("path", "exolint");
  const markets = config.get<string[]>("markets", []);
  const run: Executable = { command, args: ["server"] };
  const serverOptions: ServerOptions = { run, debug: run };
  const clientOptions: LanguageClientOptions = {
    documentSelector: ["markdown", "mdx", "html", "plaintext"].flatMap((language) => [
      { scheme: "file", language },
      { scheme: "untitled", language },
    ]),
    initializationOptions: markets.length ? { markets } : {},
    middleware: {
      executeCommand: async (name, args, next) => {
        if (name === COPY_COMMAND && typeof args[0] === "string") {
          await vscode.env.clipboard.writeText(args[0]);
          vscode.window.setStatusBarMessage("exolint: suggested wording copied", 3000);
          return args[0];
        }
        return next(name, args);
      },
    },
  };
  return new LanguageClient("exolint", "exolint", serverOptions, clientOptions);
}

async function start(): Promise<void> {
  client = createClient();
  try {
    await client.start();
  } catch (err) {
    const path = vscode.workspace.getConfiguration("exolint").get<string>("path", "exolint");
    void vscode.window.showErrorMessage(
      `exolint: could not start '${path} server' (${err}). Install it with ` +
        "`pip install 'exolint[lsp]'` or set exolint.path.",
    );
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand("exolint.restart", async () => {
      await client?.stop();
      await start();
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration("exolint.path") || event.affectsConfiguration("exolint.markets")) {
        await client?.stop();
        await start();
      }
    }),
  );
  await start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
