import { documentGaps, gapsLabel, nextActions, openDocuments, progress, projectTerritory, type StageState } from "../domain/index.js";
import { NBSP, formatDate, frenchSpacing } from "../french/index.js";
import { dirname, join } from "node:path";
import { EXIT, displayPath, projectFiles } from "../project/index.js";
import { generatedStates, type GeneratedState } from "./generation-key.js";
import type { Io } from "./io.js";
import { constats, documentEntries, envelope } from "./json-envelope.js";
import { commandFor, nextActionLines } from "./next-steps.js";
import { requireValidProject, today as todayOf } from "./project-context.js";
import { style, type Style } from "./style.js";

const STATE_WORDS: Record<StageState, string> = { fait: "fait", en_cours: "en cours", a_faire: "à faire" };

/** `cpts etat [fichier]`: where the project stands, readable at a glance. */
export async function statusCommand(fileArg: string | undefined, opts: { date?: string; json?: boolean }, io: Io): Promise<number> {
  const loaded = await requireValidProject(fileArg, io);
  const name = displayPath(loaded.path, io.cwd);
  const today = todayOf(opts.date, io.env);
  const { locate } = await projectFiles();
  const territory = projectTerritory(loaded.project);
  const state = progress(loaded.project, territory.facts, today);
  state.prochaines_actions = locate(state.prochaines_actions, loaded.file, name);
  for (const d of state.documents) d.findings = locate(d.findings, loaded.file, name);
  const actions = nextActions(openDocuments(state));
  const generated = await generatedStates(loaded.path, join(dirname(loaded.path), "documents"), io.env);
  if (opts.json) {
    const prochaines_commandes = actions.map((a) => ({ action: a.action, commande: a.commande, manques: [...new Set(a.manques.map((f) => f.message))] }));
    const own = {
      date: today,
      taille: territory.taille ?? null,
      etapes: state.etapes,
      echeances: state.echeances,
      contrat: state.contrat ?? null,
      prochaines_actions: constats(state.prochaines_actions),
      prochaines_commandes,
      generes: generated.map((g) => ({ fichier: displayPath(g.absolutePath, io.cwd), etat: g.etat })),
    };
    io.stdout(envelope("etat", { fichier: name, valide: true, documents: documentEntries(state.documents), constats: state.documents.flatMap((d) => d.findings) }, own));
    return EXIT.ok;
  }
  const s = style(io.color);
  const mark = { fait: s.green("✓"), en_cours: s.yellow("◐"), a_faire: s.dim("○") } as const;
  const out: string[] = [];
  out.push(s.bold(`${loaded.project.cpts.nom} — où en est le projet${NBSP}? (${formatDate(today)})`), "");
  out.push(s.bold("Étapes"));
  const width = Math.max(...state.etapes.map((e) => e.libelle.length));
  state.etapes.forEach((e, i) =>
    out.push(`  ${mark[e.etat]} ${i + 1}. ${e.libelle.padEnd(width)}  ${STATE_WORDS[e.etat].padEnd(8)}  ${s.dim(e.detail.replace(/\d{4}-\d{2}-\d{2}/g, (d) => formatDate(d)))}`),
  );
  out.push("", s.bold("Documents"));
  const dw = Math.max(...state.documents.map((d) => d.titre.length));
  for (const d of state.documents) {
    const gaps = documentGaps(d);
    const status = d.etape_passee ? s.dim("étape passée, document non requis") : gaps.pret ? s.green(gapsLabel(gaps)) : s.red(gapsLabel(gaps));
    out.push(`  ${d.titre.padEnd(dw)}  ${status}`);
  }
  out.push(...generatedLines(generated, io.cwd, fileArg !== undefined ? name : undefined, s));
  out.push("", s.bold("Prochaines actions"));
  out.push(...nextActionLines(actions, fileArg !== undefined ? name : undefined, s));
  out.push("", s.bold("Échéances à venir"));
  const c = loaded.project.calendrier ?? {};
  if (state.echeances.length === 0)
    out.push(
      c.depot_projet_sante || c.signature_aci || c.ag_constitutive
        ? "  Aucune échéance à venir."
        : "  Aucune échéance datée : ajoutez les dates du calendrier (calendrier.depot_projet_sante, calendrier.signature_aci…).",
    );
  for (const m of state.echeances) out.push(`  ${formatDate(m.date!).padEnd(18)} ${m.libelle}${m.estimation ? s.dim(" (estimation)") : ""}`);
  if (state.contrat) {
    out.push("", s.bold("Contrat ACI"), `  ${state.contrat.texte}`);
    out.push(`  ${state.contrat.etat === "termine" ? s.yellow(state.contrat.renouvellement) : state.contrat.renouvellement}`);
    if (state.contrat.note) out.push(`  ${s.dim(state.contrat.note)}`);
  }
  io.stdout(frenchSpacing(`${out.join("\n")}\n`));
  return EXIT.ok;
}

const GENERATED_WORDS: Record<Exclude<GeneratedState["etat"], "a_jour">, string> = {
  perime: "périmé\u00a0: cpts.yaml, les modèles ou cpts ont changé depuis sa génération",
  modifie: "modifié à la main depuis sa génération (« cpts generer » le garde et écrit la nouvelle version à côté)",
  absent: "supprimé depuis sa génération",
};

/** The generated documents that are not up to date with cpts.yaml, and the command that updates them. */
function generatedLines(generated: readonly GeneratedState[], cwd: string, projectArg: string | undefined, s: Style): string[] {
  if (generated.length === 0) return [];
  const stale = generated.filter((g) => g.etat !== "a_jour");
  if (stale.length === 0) return ["", s.bold("Documents générés"), `  ${s.green("✓")} ${generated.length > 1 ? `les ${generated.length} fichiers sont à jour` : "le fichier est à jour"} avec le projet.`];
  const lines = ["", s.bold("Documents générés")];
  for (const g of stale) lines.push(`  ${s.yellow("!")} ${displayPath(g.absolutePath, cwd)}\u00a0: ${GENERATED_WORDS[g.etat as keyof typeof GENERATED_WORDS]}`);
  lines.push(`  Pour les mettre à jour\u00a0: ${commandFor("cpts generer", projectArg)}`);
  return lines;
}
