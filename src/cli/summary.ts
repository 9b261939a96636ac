import { genreOf, isDroitLocal, mission, personName, professionForm, projectParcours, roleLabel, type ProjectTerritory } from "../domain/index.js";
import { NBSP, formatNumber as fmt } from "../french/index.js";
import type { Project } from "../project/index.js";
import type { Style } from "./style.js";

/** A few lines that tell where the project stands, printed after a successful validation. */
export function projectSummary(project: Project, s: Style, territory?: ProjectTerritory): string {
  const lines: string[] = [];
  const c = project.cpts;
  lines.push(s.bold(c.sigle && c.sigle !== c.nom ? `${c.nom} (${c.sigle})` : c.nom));
  const porteurs = project.porteurs ?? [];
  const lead = porteurs.find((p) => p.interlocuteur_principal);
  lines.push(
    `  Porteurs${NBSP}: ${porteurs.length}` +
      (lead
        ? ` — ${roleLabel("interlocuteur_principal", genreOf(lead.civilite))}${NBSP}: ${personName(lead) ?? [lead.prenom, lead.nom].filter(Boolean).join(" ")}, ${professionForm(lead.profession, genreOf(lead.civilite), { minuscule: true })}`
        : ""),
  );
  const t = project.territoire;
  const computed = territory?.summary;
  if (computed) {
    const name = t?.nom ? `${t.nom}, ` : "";
    lines.push(
      `  Territoire${NBSP}: ${name}${computed.communeCount} commune${computed.communeCount > 1 ? "s" : ""}, ${fmt(computed.population)} habitants (${computed.populationLabel}), taille ${territory.taille}`,
    );
    const ars = computed.ars.map((a) => a.nom).join(", ");
    const cpam = computed.cpam.map((c) => c.nom).join(", ");
    if (ars) lines.push(`  Interlocuteurs${NBSP}: ${ars}${cpam ? ` ; ${cpam}` : ""}`);
  } else if (t) {
    const parts = [];
    if (t.nom) parts.push(t.nom);
    if (t.epci?.length) parts.push(`${t.epci.length} EPCI`);
    if (t.communes?.length) parts.push(`${t.communes.length} commune${t.communes.length > 1 ? "s" : ""} ajoutée${t.communes.length > 1 ? "s" : ""}`);
    if (t.population) parts.push(`${fmt(t.population.valeur)} habitants${t.population.annee ? ` (${t.population.annee})` : ""}`);
    if (t.taille) parts.push(`taille ${t.taille}`);
    lines.push(`  Territoire${NBSP}: ${parts.join(", ") || "à définir"}`);
  }
  const missions = project.missions ?? [];
  if (missions.length) {
    const actions = missions.reduce((n, m) => n + (m.actions?.length ?? 0), 0);
    lines.push(
      `  Missions${NBSP}: ${missions.map((m) => mission(m.code)?.libelle ?? m.code).join(", ")} — ${actions} action${actions > 1 ? "s" : ""}`,
    );
  }
  const a = project.association;
  if (a) {
    const etat = { a_creer: "à créer", en_cours: "en cours de création", declaree: isDroitLocal(project) ? "inscrite" : "déclarée" }[a.etat ?? "a_creer"];
    const path = projectParcours(project) === "existante" ? "association existante qui porte la CPTS, " : "";
    lines.push(`  Association${NBSP}: ${path}${etat}${a.dirigeants?.length ? `, ${a.dirigeants.length} dirigeants` : ""}`);
  }
  return lines.join("\n");
}
