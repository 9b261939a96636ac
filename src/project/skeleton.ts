import { stringify } from "yaml";
import { CURRENT_VERSION } from "./migrate.js";
import { MODELINE_PREFIX } from "./paths.js";

function scalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/**
 * The file `cpts init` writes: valid as it stands, with every section present and commented
 * so that a founder editing by hand sees what each part is for and an example of an answer.
 */
export function skeleton(name: string, schemaRef: string): string {
  return `${MODELINE_PREFIX}${schemaRef}
# Projet de CPTS. Complétez ce fichier : votre éditeur (extension YAML de VS Code)
# décrit chaque champ, propose les valeurs possibles et signale les fautes.
# Vérifiez-le à tout moment avec « cpts valider ».
version: ${CURRENT_VERSION}

cpts:
  nom: ${scalar(name)}
  # sigle: CPTS Val
  # date_creation: 2026-01-15

# Les professionnels qui portent le projet ; l’un d’eux est l’interlocuteur principal de l’ARS.
# Exemple :
#   - civilite: Mme
#     prenom: Claire
#     nom: Martin
#     profession: infirmier        # codes : « cpts schema --contenu » ou complétion de l’éditeur
#     mode_exercice: liberal
#     commune: Bergerac
#     courriel: claire.martin@exemple.fr
#     telephone: "05 53 00 00 00"  # entre guillemets
#     interlocuteur_principal: true
porteurs: []

# Le territoire : des intercommunalités entières (SIREN) et/ou des communes (code INSEE, entre guillemets).
territoire:
  epci: []       # par exemple "200070647" (Communauté d’agglomération bergeracoise)
  communes: []   # par exemple "24037" (Bergerac)
  # justification: Bassin de vie autour de …

# Le diagnostic territorial : indicateurs chiffrés (avec source et année), besoins, forces et faiblesses.
diagnostic:
  indicateurs: []
  besoins: []

# Les acteurs déjà engagés et ceux à associer, par catégorie.
acteurs:
  engages: {}
  a_associer: {}

# Les missions de l’ACI retenues (ACCES, PARCOURS, PREVENTION, CRISE sont les missions socles)
# et leurs fiches-actions.
missions: []

# L’association qui porte la CPTS : une association créée pour elle (nouvelle), ou une
# association qui existe déjà et modifie ses statuts (existante).
association:
  # parcours: nouvelle
  etat: a_creer

# La lettre d’intention à l’ARS.
lettre_intention: {}

# Dates des grandes étapes, prévues ou réelles (AAAA-MM-JJ).
calendrier: {}
`;
}
