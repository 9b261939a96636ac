/* Generated from schemas/cpts-project.schema.json by `npm run gen:types`. Do not edit by hand. */

/**
 * Version du format du fichier projet. Ne la modifiez pas à la main : la commande « cpts » met à jour les anciens fichiers.
 */
export type VersionDuFormat = number;
/**
 * Nom complet, par exemple « CPTS du Bergeracois ».
 */
export type Nom = string;
/**
 * Nom court, par exemple « CPTS Bergerac ».
 */
export type Sigle = string;
/**
 * Date de création de l’association ou de la communauté.
 */
export type DateDeCreation = string;
/**
 * Comment la démarche est née : qui, quand, pourquoi (quelques phrases).
 */
export type Historique = string;
/**
 * Numéro SIREN, une fois l’association inscrite au répertoire Sirene.
 */
export type SIRENDeLAssociation = string;
/**
 * Adresse du site, par exemple https://www.cpts-exemple.fr.
 */
export type SiteInternet = string;
/**
 * Civilité utilisée dans les documents.
 */
export type Civilite = "Dr" | "M." | "Mme" | "Pr";
/**
 * Prénom.
 */
export type Prenom = string;
/**
 * Nom de famille.
 */
export type Nom1 = string;
/**
 * Code de la profession, par exemple infirmier.
 */
export type Profession =
  | "medecin_generaliste"
  | "medecin_specialiste"
  | "chirurgien_dentiste"
  | "sage_femme"
  | "pharmacien"
  | "biologiste"
  | "infirmier"
  | "masseur_kinesitherapeute"
  | "pedicure_podologue"
  | "orthophoniste"
  | "orthoptiste"
  | "audioprothesiste"
  | "ergotherapeute"
  | "psychomotricien"
  | "dieteticien"
  | "opticien_lunetier"
  | "orthoprothesiste"
  | "technicien_laboratoire"
  | "manipulateur_erm"
  | "psychologue"
  | "osteopathe"
  | "assistant_service_social"
  | "transporteur_sanitaire"
  | "autre";
/**
 * liberal, mixte, salarie ou autre.
 */
export type ModeDExercice = "liberal" | "mixte" | "salarie" | "autre";
/**
 * Lieu d’exercice, par exemple « MSP du Pays de Bergerac ».
 */
export type Structure = string;
/**
 * Commune où il exerce.
 */
export type CommuneDExercice = string;
/**
 * Adresse électronique.
 */
export type Courriel = string;
/**
 * Numéro entre guillemets.
 */
export type Telephone = string;
/**
 * Par exemple « présidente du groupe de préfiguration ».
 */
export type RoleDansLeProjet = string;
/**
 * true pour la personne que l’ARS contactera (une seule).
 */
export type InterlocuteurPrincipal = boolean;
/**
 * Les professionnels qui portent le projet ; l’un d’eux est l’interlocuteur principal de l’ARS.
 */
export type PorteursDuProjet = Porteur[];
/**
 * Nom d’usage, par exemple « Communauté d’agglomération bergeracoise ».
 */
export type NomDuTerritoire = string;
/**
 * SIREN de l’EPCI.
 */
export type EPCI = string;
/**
 * SIREN des intercommunalités couvertes entièrement, par exemple « 200070647 ».
 */
export type EPCIEntiers = EPCI[];
/**
 * Code INSEE.
 */
export type Commune = string;
/**
 * Codes INSEE des communes du territoire (en plus des EPCI entiers), par exemple « 24037 ».
 */
export type Communes = Commune[];
/**
 * Pourquoi ce périmètre : bassins de vie, flux de patients, habitudes de travail.
 */
export type Justification = string;
/**
 * CPTS limitrophes et articulation avec elles.
 */
export type CoherenceAvecLesCPTSVoisines = string;
/**
 * Population municipale du territoire.
 */
export type Population = number;
/**
 * Millésime de la population.
 */
export type AnneeDesDonnees = number;
/**
 * Par exemple « INSEE, population municipale ».
 */
export type Source = string;
/**
 * T1 à T4, déduite de la population.
 */
export type TailleACICalculee = "T1" | "T2" | "T3" | "T4";
/**
 * Superficie en km².
 */
export type Superficie = number;
/**
 * Comment le diagnostic a été fait : sources (Rézone CPTS, CartoSanté, INSEE…), enquêtes, réunions.
 */
export type Methode = string;
/**
 * Ce que l’on mesure, par exemple « part des 75 ans et plus ».
 */
export type Indicateur1 = string;
/**
 * Valeur sur le territoire de la CPTS.
 */
export type Valeur = number;
/**
 * Par exemple « % », « pour 10 000 habitants », « habitants ».
 */
export type Unite = string;
/**
 * Année de la donnée.
 */
export type Annee = number;
/**
 * D’où vient la donnée, par exemple « Rézone CPTS », « INSEE, recensement ».
 */
export type Source1 = string;
/**
 * Rubrique du diagnostic.
 */
export type Theme =
  | "population"
  | "etat_de_sante"
  | "precarite"
  | "offre_de_soins"
  | "acces_aux_soins"
  | "prevention"
  | "autre";
/**
 * Valeur pour le département.
 */
export type Departement = number;
/**
 * Valeur pour la région.
 */
export type Region = number;
/**
 * Valeur pour la France entière.
 */
export type France = number;
/**
 * Lecture de l’indicateur.
 */
export type Commentaire = string;
/**
 * Indicateurs chiffrés avec leur source et leur année.
 */
export type Indicateurs = Indicateur[];
/**
 * Code de la profession, par exemple medecin_generaliste.
 */
export type Profession1 =
  | "medecin_generaliste"
  | "medecin_specialiste"
  | "chirurgien_dentiste"
  | "sage_femme"
  | "pharmacien"
  | "biologiste"
  | "infirmier"
  | "masseur_kinesitherapeute"
  | "pedicure_podologue"
  | "orthophoniste"
  | "orthoptiste"
  | "audioprothesiste"
  | "ergotherapeute"
  | "psychomotricien"
  | "dieteticien"
  | "opticien_lunetier"
  | "orthoprothesiste"
  | "technicien_laboratoire"
  | "manipulateur_erm"
  | "psychologue"
  | "osteopathe"
  | "assistant_service_social"
  | "transporteur_sanitaire"
  | "autre";
/**
 * Nombre de professionnels.
 */
export type Nombre = number;
/**
 * Par exemple « dont 12 de plus de 60 ans ».
 */
export type Precision = string;
/**
 * Nombre de professionnels de santé exerçant sur le territoire, par profession (sert au calcul des densités).
 */
export type ProfessionnelsDuTerritoire = EffectifParProfession[];
/**
 * Année des effectifs.
 */
export type AnneeDesEffectifs = number;
/**
 * Par exemple « Rézone CPTS, 2025 ».
 */
export type SourceDesEffectifs = string;
/**
 * Par exemple « patients en ALD sans médecin traitant ».
 */
export type Besoin1 = string;
/**
 * Constat qui le fonde.
 */
export type Description = string;
/**
 * haute, moyenne ou basse.
 */
export type Priorite = "haute" | "moyenne" | "basse";
/**
 * Mission de l’ACI qui y répond.
 */
export type MissionLiee = "ACCES" | "PARCOURS" | "PREVENTION" | "CRISE" | "QUALITE" | "ACCOMPAGNEMENT";
/**
 * Besoins de santé prioritaires.
 */
export type Besoins = Besoin[];
/**
 * Atouts du territoire.
 */
export type Forces = string[];
/**
 * Fragilités du territoire.
 */
export type Faiblesses = string[];
/**
 * Nom de la structure ou de la personne, par exemple « Centre hospitalier Samuel-Pozzi ».
 */
export type Nom2 = string;
/**
 * Nature de la structure, par exemple « MSP », « EHPAD », « centre hospitalier ».
 */
export type Type = string;
/**
 * Commune d’implantation.
 */
export type Commune1 = string;
/**
 * Rôle envisagé ou état des échanges.
 */
export type Commentaire1 = string;
/**
 * MSP, ESP, centres de santé, réseaux, DAC, contrats locaux de santé déjà actifs.
 */
export type CoordinationExistante = Acteur[];
/**
 * Professionnels de santé libéraux (par profession) : une ligne par profession avec le nombre de professionnels.
 */
export type ProfessionnelsDeSanteLiberaux = EffectifParProfession[];
/**
 * Maisons de santé (MSP), équipes de soins primaires (ESP) et centres de santé.
 */
export type ExerciceCoordonne = Acteur[];
/**
 * Établissements de santé (hôpitaux, cliniques, hôpitaux de proximité, HAD).
 */
export type EtablissementsDeSante = Acteur[];
/**
 * Établissements et services médico-sociaux (EHPAD, SSIAD, services pour personnes handicapées…).
 */
export type MedicoSocial = Acteur[];
/**
 * Acteurs sociaux (CCAS, services sociaux départementaux, associations…).
 */
export type Social = Acteur[];
/**
 * Services de prévention et de santé au travail, acteurs de la promotion de la santé.
 */
export type PreventionEtSanteAuTravail = Acteur[];
/**
 * Représentants et associations d’usagers.
 */
export type Usagers = Acteur[];
/**
 * Collectivités territoriales et leurs groupements (communes, EPCI, département).
 */
export type Collectivites = Acteur[];
/**
 * Dispositifs d’appui à la coordination (DAC), contrats locaux de santé (CLS), réseaux.
 */
export type DispositifsDeCoordination = Acteur[];
/**
 * ACCES, PARCOURS, PREVENTION, CRISE (socles), QUALITE, ACCOMPAGNEMENT (optionnelles).
 */
export type CodeDeLaMission = "ACCES" | "PARCOURS" | "PREVENTION" | "CRISE" | "QUALITE" | "ACCOMPAGNEMENT";
/**
 * Objectifs de la CPTS pour cette mission.
 */
export type Objectifs = string[];
/**
 * Titre court de l’action, par exemple « Trouver un médecin traitant aux patients en ALD ».
 */
export type Intitule = string;
/**
 * Ce que l’action doit changer pour la population.
 */
export type Objectif = string;
/**
 * Patients ou professionnels concernés.
 */
export type PublicVise = string;
/**
 * Personne ou groupe de travail responsable, par exemple « Dr Martin, groupe accès aux soins ».
 */
export type Pilote = string;
/**
 * Structures et professionnels associés à l’action.
 */
export type Partenaires = string[];
/**
 * Moyens humains, matériels et financiers mobilisés.
 */
export type Moyens = string;
/**
 * Date de début prévue.
 */
export type Debut = string;
/**
 * Date de fin prévue (plein déploiement).
 */
export type Fin = string;
/**
 * Étapes intermédiaires.
 */
export type Commentaire2 = string;
/**
 * Ce que l’on mesure, par exemple « nombre de patients en ALD sans médecin traitant ».
 */
export type Intitule1 = string;
/**
 * Indicateur de moyens, d’actions ou de résultats.
 */
export type Type1 = "moyens" | "actions" | "resultats";
/**
 * Valeur au départ, par exemple « 219 ».
 */
export type ValeurInitiale = string;
/**
 * Valeur visée, par exemple « 50 au plus ».
 */
export type Cible = string;
/**
 * Date à laquelle la cible doit être atteinte.
 */
export type Echeance = string;
/**
 * D’où vient la mesure, par exemple « données CPAM ».
 */
export type Source2 = string;
/**
 * Indicateurs de suivi et leurs cibles.
 */
export type Indicateurs1 = Indicateur2[];
/**
 * Les fiches-actions de la mission.
 */
export type Actions = FicheAction[];
/**
 * Les missions de l’ACI retenues, avec leurs fiches-actions.
 */
export type Missions = Mission[];
/**
 * a_creer, en_cours (statuts en préparation), declaree (association déclarée).
 */
export type EtatDeLaStructurationJuridique = "a_creer" | "en_cours" | "declaree";
/**
 * Nom officiel, par exemple « Communauté Professionnelle Territoriale de Santé du Bergeracois ».
 */
export type Denomination = string;
/**
 * Numéro et voie.
 */
export type Adresse = string;
/**
 * 5 chiffres entre guillemets.
 */
export type CodePostal = string;
/**
 * Commune du siège.
 */
export type Commune2 = string;
/**
 * Objet de l’association, si vous voulez remplacer l’objet type (missions de l’ACI, article L1434-12 du code de la santé publique).
 */
export type Objet = string;
/**
 * « illimitee » ou un nombre d’années.
 */
export type Duree = "illimitee" | number;
/**
 * Par exemple « membres actifs ».
 */
export type Nom3 = string;
/**
 * Qui peut en faire partie.
 */
export type Qui = string;
/**
 * deliberative ou consultative.
 */
export type Voix = "deliberative" | "consultative";
/**
 * Les catégories de membres.
 */
export type CategoriesDeMembres = CategorieDeMembres[];
/**
 * Comment on devient membre, par exemple « demande écrite agréée par le conseil d’administration ».
 */
export type Admission = string;
/**
 * Cas de perte de la qualité de membre (démission, décès, radiation…).
 */
export type PerteDeLaQualiteDeMembre = string[];
/**
 * Par exemple « collège des infirmiers ».
 */
export type Nom4 = string;
/**
 * Qui en fait partie.
 */
export type Composition = string;
/**
 * Code de la profession : medecin_generaliste (Médecin généraliste), medecin_specialiste (Médecin spécialiste), chirurgien_dentiste (Chirurgien-dentiste), sage_femme (Sage-femme), pharmacien (Pharmacien), biologiste (Biologiste médical), infirmier (Infirmier), masseur_kinesitherapeute (Masseur-kinésithérapeute), pedicure_podologue (Pédicure-podologue), orthophoniste (Orthophoniste), orthoptiste (Orthoptiste), audioprothesiste (Audioprothésiste), ergotherapeute (Ergothérapeute), psychomotricien (Psychomotricien), dieteticien (Diététicien), opticien_lunetier (Opticien-lunetier), orthoprothesiste (Orthoprothésiste), technicien_laboratoire (Technicien de laboratoire médical), manipulateur_erm (Manipulateur d’électroradiologie médicale), psychologue (Psychologue), osteopathe (Ostéopathe), assistant_service_social (Assistant de service social), transporteur_sanitaire (Transporteur sanitaire (ambulancier)), autre (Autre profession).
 *
 * This interface was referenced by `ProjetDeCPTS`'s JSON-Schema
 * via the `definition` "profession".
 */
export type Profession2 =
  | "medecin_generaliste"
  | "medecin_specialiste"
  | "chirurgien_dentiste"
  | "sage_femme"
  | "pharmacien"
  | "biologiste"
  | "infirmier"
  | "masseur_kinesitherapeute"
  | "pedicure_podologue"
  | "orthophoniste"
  | "orthoptiste"
  | "audioprothesiste"
  | "ergotherapeute"
  | "psychomotricien"
  | "dieteticien"
  | "opticien_lunetier"
  | "orthoprothesiste"
  | "technicien_laboratoire"
  | "manipulateur_erm"
  | "psychologue"
  | "osteopathe"
  | "assistant_service_social"
  | "transporteur_sanitaire"
  | "autre";
/**
 * Professions du collège.
 */
export type Professions = Profession2[];
/**
 * Code d’une catégorie d’acteurs : liberaux (Professionnels de santé libéraux), exercice_coordonne (Exercice coordonné), etablissements (Établissements de santé), medico_social (Médico-social), social (Social), prevention (Prévention et santé au travail), usagers (Usagers), collectivites (Collectivités), coordination (Dispositifs de coordination).
 *
 * This interface was referenced by `ProjetDeCPTS`'s JSON-Schema
 * via the `definition` "categorie_acteur".
 */
export type CategorieDActeurs =
  | "liberaux"
  | "exercice_coordonne"
  | "etablissements"
  | "medico_social"
  | "social"
  | "prevention"
  | "usagers"
  | "collectivites"
  | "coordination";
/**
 * Catégories d’acteurs du collège.
 */
export type CategoriesDActeurs = CategorieDActeurs[];
/**
 * Sièges de titulaires au conseil d’administration.
 */
export type Titulaires = number;
/**
 * Sièges de suppléants.
 */
export type Suppleants = number;
/**
 * Collèges qui élisent le conseil d’administration.
 */
export type Colleges = College[];
/**
 * Montant annuel en euros.
 */
export type Montant = number;
/**
 * Instance qui en fixe le montant.
 */
export type FixeePar = "assemblee_generale" | "conseil_administration";
/**
 * Par exemple « gratuite pour les étudiants ».
 */
export type Commentaire3 = string;
/**
 * Qui siège au conseil.
 */
export type Composition1 = string;
/**
 * En années.
 */
export type DureeDuMandat = number;
/**
 * Nombre minimal de réunions par an.
 */
export type ReunionsParAn = number;
/**
 * Part des membres qui doivent être présents ou représentés : aucun, quart, tiers, moitie, deux_tiers.
 */
export type Quorum = "aucun" | "quart" | "tiers" | "moitie" | "deux_tiers";
/**
 * simple (plus de voix pour que contre), absolue (plus de la moitié des suffrages exprimés), deux_tiers ou trois_quarts des suffrages exprimés.
 */
export type Majorite = "simple" | "absolue" | "deux_tiers" | "trois_quarts";
export type Fonction =
  "president" | "vice_president" | "secretaire" | "secretaire_adjoint" | "tresorier" | "tresorier_adjoint";
/**
 * Fonctions du bureau.
 */
export type Fonctions = Fonction[];
/**
 * true si chaque collège non représenté par le président a un vice-président.
 */
export type UnVicePresidentParCollege = boolean;
/**
 * true si la présidence passe à une autre profession à chaque mandat.
 */
export type PresidenceTournante = boolean;
/**
 * En années.
 */
export type DureeDuMandat1 = number;
/**
 * Par exemple « une fois par an ».
 */
export type Frequence = string;
/**
 * En jours avant la réunion.
 */
export type DelaiDeConvocation = number;
/**
 * Part des membres qui doivent être présents ou représentés : aucun, quart, tiers, moitie, deux_tiers.
 */
export type Quorum1 = "aucun" | "quart" | "tiers" | "moitie" | "deux_tiers";
/**
 * simple (plus de voix pour que contre), absolue (plus de la moitié des suffrages exprimés), deux_tiers ou trois_quarts des suffrages exprimés.
 */
export type Majorite1 = "simple" | "absolue" | "deux_tiers" | "trois_quarts";
/**
 * En jours.
 */
export type DelaiDeConvocation1 = number;
/**
 * Part des membres qui doivent être présents ou représentés : aucun, quart, tiers, moitie, deux_tiers.
 */
export type Quorum2 = "aucun" | "quart" | "tiers" | "moitie" | "deux_tiers";
/**
 * simple (plus de voix pour que contre), absolue (plus de la moitié des suffrages exprimés), deux_tiers ou trois_quarts des suffrages exprimés.
 */
export type Majorite2 = "simple" | "absolue" | "deux_tiers" | "trois_quarts";
/**
 * Nombre maximal de pouvoirs par membre présent.
 */
export type Procurations = number;
export type Ressource =
  "cotisations" | "aci" | "fir" | "subventions" | "collectivites" | "dons" | "prestations" | "autres";
/**
 * Ressources de l’association.
 */
export type Ressources = Ressource[];
/**
 * true si les membres peuvent être indemnisés ou rémunérés dans la limite légale (article D1434-44 du code de la santé publique).
 */
export type IndemnisationDesMembres = boolean;
/**
 * true si un règlement intérieur complète les statuts.
 */
export type ReglementInterieur = boolean;
/**
 * À qui l’actif net est attribué, par exemple « à une association poursuivant un but similaire ».
 */
export type Devolution = string;
/**
 * Date de l’assemblée.
 */
export type Date = string;
/**
 * Adresse ou salle.
 */
export type Lieu = string;
/**
 * Par exemple « 20:00 ».
 */
export type Heure = string;
/**
 * Nombre de personnes présentes.
 */
export type Presents = number;
/**
 * Nombre de personnes représentées.
 */
export type Representes = number;
/**
 * Nom de la personne qui préside la séance.
 */
export type PresidentDeSeance = string;
/**
 * Nom de la personne qui tient le procès-verbal.
 */
export type SecretaireDeSeance = string;
/**
 * Civilité utilisée dans les documents.
 */
export type Civilite1 = "Dr" | "M." | "Mme" | "Pr";
/**
 * Prénom.
 */
export type Prenom1 = string;
/**
 * Nom de famille.
 */
export type Nom5 = string;
/**
 * Code de la profession : medecin_generaliste (Médecin généraliste), medecin_specialiste (Médecin spécialiste), chirurgien_dentiste (Chirurgien-dentiste), sage_femme (Sage-femme), pharmacien (Pharmacien), biologiste (Biologiste médical), infirmier (Infirmier), masseur_kinesitherapeute (Masseur-kinésithérapeute), pedicure_podologue (Pédicure-podologue), orthophoniste (Orthophoniste), orthoptiste (Orthoptiste), audioprothesiste (Audioprothésiste), ergotherapeute (Ergothérapeute), psychomotricien (Psychomotricien), dieteticien (Diététicien), opticien_lunetier (Opticien-lunetier), orthoprothesiste (Orthoprothésiste), technicien_laboratoire (Technicien de laboratoire médical), manipulateur_erm (Manipulateur d’électroradiologie médicale), psychologue (Psychologue), osteopathe (Ostéopathe), assistant_service_social (Assistant de service social), transporteur_sanitaire (Transporteur sanitaire (ambulancier)), autre (Autre profession).
 */
export type Profession3 =
  | "medecin_generaliste"
  | "medecin_specialiste"
  | "chirurgien_dentiste"
  | "sage_femme"
  | "pharmacien"
  | "biologiste"
  | "infirmier"
  | "masseur_kinesitherapeute"
  | "pedicure_podologue"
  | "orthophoniste"
  | "orthoptiste"
  | "audioprothesiste"
  | "ergotherapeute"
  | "psychomotricien"
  | "dieteticien"
  | "opticien_lunetier"
  | "orthoprothesiste"
  | "technicien_laboratoire"
  | "manipulateur_erm"
  | "psychologue"
  | "osteopathe"
  | "assistant_service_social"
  | "transporteur_sanitaire"
  | "autre";
/**
 * Adresse postale (domicile pour la liste des dirigeants).
 */
export type Adresse1 = string;
/**
 * 5 chiffres entre guillemets.
 */
export type CodePostal1 = string;
/**
 * Commune.
 */
export type Commune3 = string;
/**
 * Par exemple « française » (demandée par la préfecture pour les dirigeants).
 */
export type Nationalite = string;
/**
 * Uniquement en Alsace-Moselle, où le tribunal la demande ; jamais dans les pièces envoyées à la préfecture ailleurs.
 */
export type DateDeNaissance = string;
/**
 * Uniquement en Alsace-Moselle.
 */
export type LieuDeNaissance = string;
/**
 * Personnes qui signent les statuts (7 au moins en Alsace-Moselle).
 */
export type MembresFondateurs = Personne[];
/**
 * Civilité utilisée dans les documents.
 */
export type Civilite2 = "Dr" | "M." | "Mme" | "Pr";
/**
 * Prénom.
 */
export type Prenom2 = string;
/**
 * Nom de famille.
 */
export type Nom6 = string;
/**
 * Code de la profession : medecin_generaliste (Médecin généraliste), medecin_specialiste (Médecin spécialiste), chirurgien_dentiste (Chirurgien-dentiste), sage_femme (Sage-femme), pharmacien (Pharmacien), biologiste (Biologiste médical), infirmier (Infirmier), masseur_kinesitherapeute (Masseur-kinésithérapeute), pedicure_podologue (Pédicure-podologue), orthophoniste (Orthophoniste), orthoptiste (Orthoptiste), audioprothesiste (Audioprothésiste), ergotherapeute (Ergothérapeute), psychomotricien (Psychomotricien), dieteticien (Diététicien), opticien_lunetier (Opticien-lunetier), orthoprothesiste (Orthoprothésiste), technicien_laboratoire (Technicien de laboratoire médical), manipulateur_erm (Manipulateur d’électroradiologie médicale), psychologue (Psychologue), osteopathe (Ostéopathe), assistant_service_social (Assistant de service social), transporteur_sanitaire (Transporteur sanitaire (ambulancier)), autre (Autre profession).
 */
export type Profession4 =
  | "medecin_generaliste"
  | "medecin_specialiste"
  | "chirurgien_dentiste"
  | "sage_femme"
  | "pharmacien"
  | "biologiste"
  | "infirmier"
  | "masseur_kinesitherapeute"
  | "pedicure_podologue"
  | "orthophoniste"
  | "orthoptiste"
  | "audioprothesiste"
  | "ergotherapeute"
  | "psychomotricien"
  | "dieteticien"
  | "opticien_lunetier"
  | "orthoprothesiste"
  | "technicien_laboratoire"
  | "manipulateur_erm"
  | "psychologue"
  | "osteopathe"
  | "assistant_service_social"
  | "transporteur_sanitaire"
  | "autre";
/**
 * Adresse postale (domicile pour la liste des dirigeants).
 */
export type Adresse2 = string;
/**
 * 5 chiffres entre guillemets.
 */
export type CodePostal2 = string;
/**
 * Commune.
 */
export type Commune4 = string;
/**
 * Par exemple « française » (demandée par la préfecture pour les dirigeants).
 */
export type Nationalite1 = string;
/**
 * Uniquement en Alsace-Moselle, où le tribunal la demande ; jamais dans les pièces envoyées à la préfecture ailleurs.
 */
export type DateDeNaissance1 = string;
/**
 * Uniquement en Alsace-Moselle.
 */
export type LieuDeNaissance1 = string;
/**
 * Fonction dans l’association.
 */
export type Fonction1 =
  | "president"
  | "vice_president"
  | "secretaire"
  | "secretaire_adjoint"
  | "tresorier"
  | "tresorier_adjoint"
  | "administrateur";
/**
 * Nom du collège qui l’a élu, s’il y en a.
 */
export type College1 = string;
/**
 * false pour un administrateur suppléant.
 */
export type Titulaire = boolean;
/**
 * Membres du conseil d’administration et du bureau (2 au moins pour la déclaration).
 */
export type Dirigeants = Dirigeant[];
/**
 * Date de la lettre.
 */
export type Date1 = string;
/**
 * Commune où la lettre est signée.
 */
export type FaitA = string;
/**
 * Budget demandé en euros.
 */
export type Montant1 = number;
export type TypeDAide =
  | "juridique"
  | "redaction_projet_sante"
  | "gestion_projet"
  | "coordination"
  | "diagnostic"
  | "communication"
  | "systeme_information"
  | "formation"
  | "autre";
/**
 * Aides attendues.
 */
export type TypesDAide = TypeDAide[];
/**
 * Détail de l’usage prévu.
 */
export type Precisions = string;
/**
 * Comment la CPTS sera gouvernée.
 */
export type GouvernanceEnvisagee = string;
/**
 * Fonction de coordination prévue (coordinateur salarié, temps…).
 */
export type Coordination = string;
/**
 * Documents joints à la lettre.
 */
export type PiecesJointes = string[];
/**
 * Coordinateur, temps de travail, missions.
 */
export type Coordination1 = string;
/**
 * Par exemple « groupe accès aux soins ».
 */
export type Nom7 = string;
/**
 * Mission de l’ACI sur laquelle travaille le groupe.
 */
export type Mission1 = "ACCES" | "PARCOURS" | "PREVENTION" | "CRISE" | "QUALITE" | "ACCOMPAGNEMENT";
/**
 * Personne qui anime le groupe.
 */
export type Animateur = string;
/**
 * Ce que fait le groupe et qui y participe.
 */
export type Description1 = string;
/**
 * Groupes de travail thématiques.
 */
export type GroupesDeTravail = GroupeDeTravail[];
/**
 * Conventions avec les établissements, le DAC, le SAS, les collectivités.
 */
export type Partenariats = string;
/**
 * Comment les usagers sont associés.
 */
export type PlaceDesUsagers = string;
/**
 * messagerie_securisee, annuaire, agenda_partage, outil_coordination, teleexpertise, site_internet ou autre.
 */
export type Type2 =
  | "messagerie_securisee"
  | "annuaire"
  | "agenda_partage"
  | "outil_coordination"
  | "teleexpertise"
  | "site_internet"
  | "autre";
/**
 * Nom du produit ou du service.
 */
export type Nom8 = string;
/**
 * À quoi il sert.
 */
export type Usage = string;
/**
 * Outils numériques.
 */
export type Outils = Outil[];
/**
 * Choix des outils, interopérabilité, accompagnement des professionnels.
 */
export type Commentaire4 = string;
/**
 * Par exemple « lettre d’information mensuelle ».
 */
export type Intitule2 = string;
/**
 * Professionnels, partenaires ou habitants visés.
 */
export type Public = string;
/**
 * Par exemple « chaque mois ».
 */
export type Frequence1 = string;
/**
 * Actions de communication.
 */
export type Actions1 = ActionDeCommunication[];
/**
 * Comment la CPTS fait connaître ses actions et mobilise les professionnels.
 */
export type Commentaire5 = string;
/**
 * Comment les indicateurs sont suivis (tableau de bord, dialogue de gestion annuel avec l’ARS et la CPAM).
 */
export type Modalites = string;
/**
 * Qui suit l’évaluation, par exemple « le bureau, chaque trimestre ».
 */
export type Instance = string;
/**
 * Montant annuel.
 */
export type Fonctionnement = number;
/**
 * Montant en euros, sans symbole ni espace, par exemple 50000 (10 milliards au plus).
 */
export type PartFixe = number;
/**
 * Montant en euros, sans symbole ni espace, par exemple 50000 (10 milliards au plus).
 */
export type PartVariable = number;
/**
 * Par exemple « FIR (ARS) », « conseil régional ».
 */
export type Origine = string;
/**
 * Montant en euros, sans symbole ni espace, par exemple 50000 (10 milliards au plus).
 */
export type Montant2 = number;
/**
 * Année du versement.
 */
export type Annee1 = number;
/**
 * Ce que le financement couvre.
 */
export type Objet1 = string;
/**
 * FIR, subventions, etc.
 */
export type AutresFinancements = AutreFinancement[];
/**
 * Date au format AAAA-MM-JJ, par exemple 2026-03-01.
 */
export type EnvoiDeLaLettreDIntention = string;
/**
 * Date au format AAAA-MM-JJ, par exemple 2026-03-01.
 */
export type ValidationDeLaLettreDIntention = string;
/**
 * Date au format AAAA-MM-JJ, par exemple 2026-03-01.
 */
export type AssembleeGeneraleConstitutive1 = string;
/**
 * Date au format AAAA-MM-JJ, par exemple 2026-03-01.
 */
export type DeclarationDeLAssociation = string;
/**
 * Date au format AAAA-MM-JJ, par exemple 2026-03-01.
 */
export type EnvoiDuProjetDeSanteALARS = string;
/**
 * Date de l’accusé de réception : la validation tacite intervient deux mois après.
 */
export type ReceptionDuProjetDeSanteParLARS = string;
/**
 * Date au format AAAA-MM-JJ, par exemple 2026-03-01.
 */
export type SignatureDuContratACI = string;
/**
 * Par exemple « réunion publique de lancement ».
 */
export type Etape = string;
/**
 * Date de l’étape.
 */
export type Date2 = string;
/**
 * Étapes propres au projet, en plus des étapes réglementaires.
 */
export type AutresEtapes = Jalon[];
/**
 * Date imprimée sur la page de titre des documents et dans leurs propriétés. Sans elle, la variable d’environnement SOURCE_DATE_EPOCH la donne ; sinon les documents ne sont pas datés (Word affiche alors le 1er janvier 2000 dans leurs propriétés).
 */
export type DateDesDocuments = string;
/**
 * « Fait à … » des documents.
 */
export type LieuDeSignature = string;
/**
 * Date au format AAAA-MM-JJ, par exemple 2026-03-01.
 *
 * This interface was referenced by `ProjetDeCPTS`'s JSON-Schema
 * via the `definition` "date".
 */
export type Date3 = string;
/**
 * Code officiel géographique de la commune : 5 caractères, par exemple « 24037 » (Bergerac) ou « 2A004 » (Ajaccio). Écrivez-le entre guillemets.
 *
 * This interface was referenced by `ProjetDeCPTS`'s JSON-Schema
 * via the `definition` "code_insee".
 */
export type CodeINSEE = string;
/**
 * 9 chiffres, entre guillemets, par exemple « 200070647 ».
 *
 * This interface was referenced by `ProjetDeCPTS`'s JSON-Schema
 * via the `definition` "siren".
 */
export type NumeroSIREN = string;
/**
 * 5 chiffres, entre guillemets, par exemple « 24100 ».
 *
 * This interface was referenced by `ProjetDeCPTS`'s JSON-Schema
 * via the `definition` "code_postal".
 */
export type CodePostal3 = string;
/**
 * Par exemple prenom.nom@exemple.fr.
 *
 * This interface was referenced by `ProjetDeCPTS`'s JSON-Schema
 * via the `definition` "courriel".
 */
export type AdresseElectronique = string;
/**
 * Numéro français entre guillemets, par exemple « 05 53 00 00 00 » ou « +33 5 53 00 00 00 ».
 *
 * This interface was referenced by `ProjetDeCPTS`'s JSON-Schema
 * via the `definition` "telephone".
 */
export type Telephone1 = string;
/**
 * Montant en euros, sans symbole ni espace, par exemple 50000 (10 milliards au plus).
 *
 * This interface was referenced by `ProjetDeCPTS`'s JSON-Schema
 * via the `definition` "montant".
 */
export type MontantEnEuros = number;
/**
 * Code d’une des six missions de l’ACI : ACCES (Accès aux soins, socle), PARCOURS (Parcours pluriprofessionnels autour du patient, socle), PREVENTION (Prévention, socle), CRISE (Réponse aux crises sanitaires graves, socle), QUALITE (Qualité et pertinence des soins, optionnelle), ACCOMPAGNEMENT (Accompagnement des professionnels de santé, optionnelle).
 *
 * This interface was referenced by `ProjetDeCPTS`'s JSON-Schema
 * via the `definition` "code_mission".
 */
export type MissionDeLACI = "ACCES" | "PARCOURS" | "PREVENTION" | "CRISE" | "QUALITE" | "ACCOMPAGNEMENT";
/**
 * Texte libre.
 *
 * This interface was referenced by `ProjetDeCPTS`'s JSON-Schema
 * via the `definition` "texte".
 */
export type Texte = string;
/**
 * Une ligne par élément.
 *
 * This interface was referenced by `ProjetDeCPTS`'s JSON-Schema
 * via the `definition` "liste_textes".
 */
export type Liste = string[];
/**
 * Part des membres qui doivent être présents ou représentés : aucun, quart, tiers, moitie, deux_tiers.
 *
 * This interface was referenced by `ProjetDeCPTS`'s JSON-Schema
 * via the `definition` "fraction".
 */
export type Quorum3 = "aucun" | "quart" | "tiers" | "moitie" | "deux_tiers";
/**
 * simple (plus de voix pour que contre), absolue (plus de la moitié des suffrages exprimés), deux_tiers ou trois_quarts des suffrages exprimés.
 *
 * This interface was referenced by `ProjetDeCPTS`'s JSON-Schema
 * via the `definition` "majorite".
 */
export type Majorite3 = "simple" | "absolue" | "deux_tiers" | "trois_quarts";

/**
 * Fichier projet d’une Communauté Professionnelle Territoriale de Santé (cpts.yaml) : toutes les réponses qui servent à écrire la lettre d’intention, les statuts, le procès-verbal d’assemblée générale constitutive, le diagnostic et le projet de santé.
 */
export interface ProjetDeCPTS {
  version: VersionDuFormat;
  cpts: LaCPTS;
  porteurs?: PorteursDuProjet;
  territoire?: Territoire;
  diagnostic?: DiagnosticTerritorial;
  acteurs?: Acteurs;
  missions?: Missions;
  association?: Association;
  lettre_intention?: LettreDIntention;
  organisation?: Organisation;
  systeme_information?: SystemeDInformation;
  communication?: Communication;
  evaluation?: Evaluation;
  financement?: Financement;
  calendrier?: Calendrier1;
  documents?: Documents;
}
/**
 * Identité de la communauté.
 */
export interface LaCPTS {
  nom: Nom;
  sigle?: Sigle;
  date_creation?: DateDeCreation;
  historique?: Historique;
  siren?: SIRENDeLAssociation;
  site_internet?: SiteInternet;
}
/**
 * Un professionnel qui porte le projet.
 */
export interface Porteur {
  civilite?: Civilite;
  prenom?: Prenom;
  nom?: Nom1;
  profession: Profession;
  mode_exercice?: ModeDExercice;
  structure?: Structure;
  commune?: CommuneDExercice;
  courriel?: Courriel;
  telephone?: Telephone;
  role?: RoleDansLeProjet;
  interlocuteur_principal?: InterlocuteurPrincipal;
}
/**
 * Le territoire d’action de la CPTS.
 */
export interface Territoire {
  nom?: NomDuTerritoire;
  epci?: EPCIEntiers;
  communes?: Communes;
  justification?: Justification;
  coherence_cpts_voisines?: CoherenceAvecLesCPTSVoisines;
  population?: PopulationCalculee;
  taille?: TailleACICalculee;
  superficie_km2?: Superficie;
}
/**
 * Population calculée par l’outil à partir des données officielles ; « cpts valider » signale un écart.
 */
export interface PopulationCalculee {
  valeur: Population;
  annee?: AnneeDesDonnees;
  source?: Source;
}
/**
 * Les constats chiffrés et partagés sur la santé du territoire.
 */
export interface DiagnosticTerritorial {
  methode?: Methode;
  indicateurs?: Indicateurs;
  effectifs?: ProfessionnelsDuTerritoire;
  effectifs_annee?: AnneeDesEffectifs;
  effectifs_source?: SourceDesEffectifs;
  besoins?: Besoins;
  forces?: Forces;
  faiblesses?: Faiblesses;
  coordination_existante?: CoordinationExistante;
}
/**
 * Un indicateur du diagnostic territorial, avec sa source et son année.
 */
export interface Indicateur {
  libelle: Indicateur1;
  valeur: Valeur;
  unite?: Unite;
  annee: Annee;
  source: Source1;
  theme?: Theme;
  references?: References;
  commentaire?: Commentaire;
}
/**
 * Valeurs de comparaison.
 */
export interface References {
  departement?: Departement;
  region?: Region;
  france?: France;
}
/**
 * Nombre de professionnels d’une profession.
 *
 * This interface was referenced by `ProjetDeCPTS`'s JSON-Schema
 * via the `definition` "effectif".
 */
export interface EffectifParProfession {
  profession: Profession1;
  nombre: Nombre;
  precision?: Precision;
}
/**
 * Un besoin de santé identifié.
 */
export interface Besoin {
  intitule: Besoin1;
  description?: Description;
  priorite?: Priorite;
  mission?: MissionLiee;
}
/**
 * Un partenaire nommé : établissement, structure, collectivité, association…
 *
 * This interface was referenced by `ProjetDeCPTS`'s JSON-Schema
 * via the `definition` "acteur".
 */
export interface Acteur {
  nom: Nom2;
  type?: Type;
  commune?: Commune1;
  commentaire?: Commentaire1;
}
/**
 * Les acteurs déjà engagés et ceux à associer, par catégorie.
 */
export interface Acteurs {
  engages?: ActeursEngages;
  a_associer?: ActeursAAssocier;
}
/**
 * Acteurs déjà engagés dans la démarche.
 */
export interface ActeursEngages {
  liberaux?: ProfessionnelsDeSanteLiberaux;
  exercice_coordonne?: ExerciceCoordonne;
  etablissements?: EtablissementsDeSante;
  medico_social?: MedicoSocial;
  social?: Social;
  prevention?: PreventionEtSanteAuTravail;
  usagers?: Usagers;
  collectivites?: Collectivites;
  coordination?: DispositifsDeCoordination;
}
/**
 * Acteurs qu’il est prévu d’associer.
 */
export interface ActeursAAssocier {
  liberaux?: ProfessionnelsDeSanteLiberaux;
  exercice_coordonne?: ExerciceCoordonne;
  etablissements?: EtablissementsDeSante;
  medico_social?: MedicoSocial;
  social?: Social;
  prevention?: PreventionEtSanteAuTravail;
  usagers?: Usagers;
  collectivites?: Collectivites;
  coordination?: DispositifsDeCoordination;
}
/**
 * Une mission de l’ACI retenue par la CPTS.
 */
export interface Mission {
  code: CodeDeLaMission;
  objectifs?: Objectifs;
  actions?: Actions;
}
/**
 * Une action de la mission, décrite comme une fiche-action.
 */
export interface FicheAction {
  intitule: Intitule;
  objectif?: Objectif;
  public?: PublicVise;
  pilote?: Pilote;
  partenaires?: Partenaires;
  moyens?: Moyens;
  calendrier?: Calendrier;
  indicateurs?: Indicateurs1;
}
/**
 * Dates de début et de fin prévues.
 */
export interface Calendrier {
  debut?: Debut;
  fin?: Fin;
  commentaire?: Commentaire2;
}
/**
 * Indicateur de suivi d’une action, avec sa cible.
 */
export interface Indicateur2 {
  libelle: Intitule1;
  type?: Type1;
  valeur_initiale?: ValeurInitiale;
  cible?: Cible;
  echeance?: Echeance;
  source?: Source2;
}
/**
 * L’association qui porte la CPTS : statuts, instances, dirigeants.
 */
export interface Association {
  etat?: EtatDeLaStructurationJuridique;
  denomination?: Denomination;
  siege?: Siege;
  objet?: Objet;
  duree?: Duree;
  membres?: Membres;
  colleges?: Colleges;
  cotisation?: Cotisation;
  conseil_administration?: ConseilDAdministration;
  bureau?: Bureau;
  assemblee_generale?: AssembleesGenerales;
  ressources?: Ressources;
  indemnisation_membres?: IndemnisationDesMembres;
  reglement_interieur?: ReglementInterieur;
  dissolution?: Dissolution;
  ag_constitutive?: AssembleeGeneraleConstitutive;
  fondateurs?: MembresFondateurs;
  dirigeants?: Dirigeants;
}
/**
 * Adresse du siège social (en Moselle, Bas-Rhin et Haut-Rhin, le droit local s’applique).
 */
export interface Siege {
  adresse: Adresse;
  code_postal: CodePostal;
  commune: Commune2;
}
/**
 * Qui peut adhérer et comment.
 */
export interface Membres {
  categories?: CategoriesDeMembres;
  admission?: Admission;
  perte_qualite?: PerteDeLaQualiteDeMembre;
}
/**
 * Par exemple membres actifs, partenaires, d’honneur.
 */
export interface CategorieDeMembres {
  nom: Nom3;
  description: Qui;
  voix?: Voix;
}
/**
 * Un collège de membres représenté au conseil d’administration.
 */
export interface College {
  nom: Nom4;
  composition?: Composition;
  professions?: Professions;
  categories?: CategoriesDActeurs;
  titulaires?: Titulaires;
  suppleants?: Suppleants;
}
/**
 * Cotisation des membres.
 */
export interface Cotisation {
  montant?: Montant;
  fixee_par?: FixeePar;
  commentaire?: Commentaire3;
}
/**
 * Composition et fonctionnement.
 */
export interface ConseilDAdministration {
  composition?: Composition1;
  duree_mandat_ans?: DureeDuMandat;
  reunions_par_an?: ReunionsParAn;
  quorum?: Quorum;
  majorite?: Majorite;
}
/**
 * Composition et fonctionnement du bureau.
 */
export interface Bureau {
  fonctions?: Fonctions;
  vice_president_par_college?: UnVicePresidentParCollege;
  presidence_tournante?: PresidenceTournante;
  duree_mandat_ans?: DureeDuMandat1;
}
/**
 * Règles des assemblées générales.
 */
export interface AssembleesGenerales {
  ordinaire?: AssembleeGeneraleOrdinaire;
  extraordinaire?: AssembleeGeneraleExtraordinaire;
  procurations_max?: Procurations;
}
/**
 * Approbation des comptes, rapport d’activité, élections.
 */
export interface AssembleeGeneraleOrdinaire {
  frequence?: Frequence;
  convocation_jours?: DelaiDeConvocation;
  quorum?: Quorum1;
  majorite?: Majorite1;
}
/**
 * Modification des statuts, dissolution.
 */
export interface AssembleeGeneraleExtraordinaire {
  convocation_jours?: DelaiDeConvocation1;
  quorum?: Quorum2;
  majorite?: Majorite2;
}
/**
 * Ce que deviennent les biens.
 */
export interface Dissolution {
  devolution?: Devolution;
}
/**
 * Réunion qui adopte les statuts et élit les dirigeants.
 */
export interface AssembleeGeneraleConstitutive {
  date?: Date;
  lieu?: Lieu;
  heure?: Heure;
  presents?: Presents;
  representes?: Representes;
  president_seance?: PresidentDeSeance;
  secretaire_seance?: SecretaireDeSeance;
}
/**
 * Une personne physique.
 *
 * This interface was referenced by `ProjetDeCPTS`'s JSON-Schema
 * via the `definition` "personne".
 */
export interface Personne {
  civilite?: Civilite1;
  prenom: Prenom1;
  nom: Nom5;
  profession?: Profession3;
  adresse?: Adresse1;
  code_postal?: CodePostal1;
  commune?: Commune3;
  nationalite?: Nationalite;
  date_naissance?: DateDeNaissance;
  lieu_naissance?: LieuDeNaissance;
}
/**
 * Membre du conseil d’administration ou du bureau.
 *
 * This interface was referenced by `ProjetDeCPTS`'s JSON-Schema
 * via the `definition` "dirigeant".
 */
export interface Dirigeant {
  civilite?: Civilite2;
  prenom: Prenom2;
  nom: Nom6;
  profession?: Profession4;
  adresse?: Adresse2;
  code_postal?: CodePostal2;
  commune?: Commune4;
  nationalite?: Nationalite1;
  date_naissance?: DateDeNaissance1;
  lieu_naissance?: LieuDeNaissance1;
  fonction: Fonction1;
  college?: College1;
  titulaire?: Titulaire;
}
/**
 * Ce que la lettre d’intention demande à l’ARS.
 */
export interface LettreDIntention {
  date?: Date1;
  lieu?: FaitA;
  soutien_demande?: SoutienDemande;
  gouvernance_envisagee?: GouvernanceEnvisagee;
  coordination_envisagee?: Coordination;
  pieces_jointes?: PiecesJointes;
}
/**
 * Aide demandée à l’ARS pour écrire le projet de santé.
 */
export interface SoutienDemande {
  montant?: Montant1;
  types?: TypesDAide;
  commentaire?: Precisions;
}
/**
 * Organisation opérationnelle décrite dans le projet de santé.
 */
export interface Organisation {
  coordination?: Coordination1;
  groupes_travail?: GroupesDeTravail;
  partenariats?: Partenariats;
  place_usagers?: PlaceDesUsagers;
}
export interface GroupeDeTravail {
  nom: Nom7;
  mission?: Mission1;
  animateur?: Animateur;
  description?: Description1;
}
/**
 * Outils numériques partagés.
 */
export interface SystemeDInformation {
  outils?: Outils;
  commentaire?: Commentaire4;
}
export interface Outil {
  type: Type2;
  nom?: Nom8;
  usage?: Usage;
}
/**
 * Communication et mobilisation des professionnels.
 */
export interface Communication {
  actions?: Actions1;
  commentaire?: Commentaire5;
}
export interface ActionDeCommunication {
  intitule: Intitule2;
  public?: Public;
  frequence?: Frequence1;
}
/**
 * Suivi et évaluation du projet de santé.
 */
export interface Evaluation {
  modalites?: Modalites;
  instance?: Instance;
}
/**
 * Montants connus du contrat et autres financements.
 */
export interface Financement {
  contrat?: MontantsDuContratACI;
  autres?: AutresFinancements;
}
/**
 * Montants inscrits dans le contrat signé ; ils remplacent les montants de référence.
 */
export interface MontantsDuContratACI {
  fonctionnement?: Fonctionnement;
  missions?: Missions1;
}
/**
 * Montants par mission (clé : code de la mission).
 */
export interface Missions1 {
  [k: string]: Montants | undefined;
}
export interface Montants {
  fixe?: PartFixe;
  variable?: PartVariable;
}
export interface AutreFinancement {
  origine: Origine;
  montant: Montant2;
  annee?: Annee1;
  objet?: Objet1;
}
/**
 * Dates des grandes étapes (prévues ou réelles).
 */
export interface Calendrier1 {
  envoi_lettre_intention?: EnvoiDeLaLettreDIntention;
  validation_lettre_intention?: ValidationDeLaLettreDIntention;
  ag_constitutive?: AssembleeGeneraleConstitutive1;
  declaration_association?: DeclarationDeLAssociation;
  depot_projet_sante?: EnvoiDuProjetDeSanteALARS;
  reception_projet_sante?: ReceptionDuProjetDeSanteParLARS;
  signature_aci?: SignatureDuContratACI;
  jalons?: AutresEtapes;
}
/**
 * Une étape propre au projet.
 */
export interface Jalon {
  libelle: Etape;
  date: Date2;
}
/**
 * Réglages des documents générés.
 */
export interface Documents {
  date?: DateDesDocuments;
  lieu?: LieuDeSignature;
}
/**
 * Acteurs rangés par catégorie.
 *
 * This interface was referenced by `ProjetDeCPTS`'s JSON-Schema
 * via the `definition` "acteurs_par_categorie".
 */
export interface ActeursParCategorie {
  liberaux?: ProfessionnelsDeSanteLiberaux;
  exercice_coordonne?: ExerciceCoordonne;
  etablissements?: EtablissementsDeSante;
  medico_social?: MedicoSocial;
  social?: Social;
  prevention?: PreventionEtSanteAuTravail;
  usagers?: Usagers;
  collectivites?: Collectivites;
  coordination?: DispositifsDeCoordination;
}
