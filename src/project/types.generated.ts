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
 * « M. » ou « Mme » : elle accorde les fonctions et la profession dans les documents.
 */
export type Civilite = "M." | "Mme";
/**
 * « Dr » ou « Pr », à côté de la civilité.
 */
export type Titre = "Dr" | "Pr";
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
 * Nom de la CPTS.
 */
export type Nom2 = string;
/**
 * existante (projet de santé validé ou contrat signé), en_projet (lettre d’intention) ou inconnu.
 */
export type Etat = "existante" | "en_projet" | "inconnu";
/**
 * Les communes ou l’intercommunalité qu’elle couvre.
 */
export type SonTerritoire = string;
/**
 * Vrai si une commune appartient aux deux territoires : l’ARS peut s’opposer au projet de santé pour un territoire inadapté.
 */
export type Chevauchement = boolean;
/**
 * Limite commune, patients partagés, actions menées ensemble.
 */
export type Articulation = string;
/**
 * Les CPTS (existantes ou en projet) dont le territoire touche celui-ci, et comment les deux s’articulent sans se chevaucher.
 */
export type CPTSVoisines = CPTSVoisine[];
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
 * Vrai quand le chiffre est une illustration (exemple fourni avec l’outil, chiffre inventé) et non une donnée réelle : les documents l’impriment avec la mention « donnée d’exemple ».
 */
export type DonneeDExemple = boolean;
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
 * Densité pour 10 000 habitants dans le département.
 */
export type Departement1 = number;
/**
 * Densité pour 10 000 habitants dans la région.
 */
export type Region1 = number;
/**
 * Densité pour 10 000 habitants en France entière.
 */
export type France1 = number;
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
 * De la plus jeune à la plus âgée.
 *
 * @minItems 1
 */
export type TranchesDAge = [TrancheDAge, ...TrancheDAge[]];
/**
 * Par exemple « 0 à 14 ans », « 75 ans ou plus ».
 */
export type Tranche = string;
/**
 * Part de la tranche dans la population du territoire, en %.
 */
export type Territoire1 = number;
/**
 * Part dans la population du département, en %.
 */
export type Departement2 = number;
/**
 * Part dans la population de la région, en %.
 */
export type Region2 = number;
/**
 * Part dans la population de la France, en %.
 */
export type France2 = number;
/**
 * Année des données.
 */
export type Annee1 = number;
/**
 * Par exemple « INSEE, recensement de la population ».
 */
export type Source2 = string;
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
export type Nom3 = string;
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
 * Vrai quand les effectifs sont des illustrations et non des données réelles.
 */
export type DonneeDExemple1 = boolean;
/**
 * Année des données.
 */
export type Annee2 = number;
/**
 * Par exemple « Rézone CPTS » ou « CPAM de la Savoie ».
 */
export type Source3 = string;
/**
 * Vrai quand le chiffre est une illustration (exemple fourni avec l’outil, chiffre inventé) et non une donnée réelle : les documents l’impriment avec la mention « donnée d’exemple ».
 */
export type DonneeDExemple2 = boolean;
/**
 * 17_ans_et_plus, ald, 70_ans_et_plus, c2s, moins_de_17_ans ou autre.
 */
export type Categorie = "17_ans_et_plus" | "ald" | "70_ans_et_plus" | "c2s" | "moins_de_17_ans" | "autre";
/**
 * Pour la catégorie « autre » : de quels patients il s’agit.
 */
export type Libelle = string;
/**
 * Patients de la catégorie sans médecin traitant.
 */
export type NombreDePatients = number;
/**
 * Part des patients de la catégorie qui n’ont pas de médecin traitant, en pourcentage.
 */
export type Part = number;
/**
 * Un nombre (et, si connue, une part) par catégorie de patients.
 */
export type Categories = CategorieDePatients[];
/**
 * Ce qui se passe aujourd’hui : recours aux urgences, délais, zones sans réponse.
 */
export type Constat = string;
/**
 * Service d’accès aux soins (SAS), permanence des soins, maison médicale de garde, créneaux réservés.
 */
export type OrganisationExistante = string;
/**
 * La valeur mesurée.
 */
export type Valeur1 = number;
/**
 * Par exemple « % », « patients », « consultations par an et par habitant ».
 */
export type Unite1 = string;
/**
 * Année de la donnée.
 */
export type Annee3 = number;
/**
 * D’où vient la donnée, par exemple « Rézone CPTS », « CPAM », « DREES ».
 */
export type Source4 = string;
/**
 * Vrai quand le chiffre est une illustration (exemple fourni avec l’outil, chiffre inventé) et non une donnée réelle : les documents l’impriment avec la mention « donnée d’exemple ».
 */
export type DonneeDExemple3 = boolean;
/**
 * L’arrêté de zonage, par exemple « arrêté du DG de l’ARS du … ».
 */
export type Arrete = string;
/**
 * Où le classement a été lu : site de l’ARS, Rézone, CartoSanté.
 */
export type Source5 = string;
/**
 * Année du zonage.
 */
export type Annee4 = number;
/**
 * Code INSEE.
 */
export type Commune2 = string;
/**
 * Codes INSEE des communes du territoire classées en zone d’intervention prioritaire.
 */
export type CommunesEnZIP = Commune2[];
/**
 * Code INSEE.
 */
export type Commune3 = string;
/**
 * Codes INSEE des communes du territoire classées en zone d’action complémentaire.
 */
export type CommunesEnZAC = Commune3[];
/**
 * Vrai quand ce classement est une illustration et non celui de l’arrêté.
 */
export type DonneeDExemple4 = boolean;
/**
 * Médecins généralistes, infirmiers, masseurs-kinésithérapeutes, sages-femmes ou chirurgiens-dentistes.
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
 * Valeur de l’APL (pour les médecins généralistes : consultations accessibles par an et par habitant standardisé).
 */
export type Valeur2 = number;
/**
 * Par exemple « consultations par an et par habitant ».
 */
export type Unite2 = string;
/**
 * Année de la donnée.
 */
export type Annee5 = number;
/**
 * Par exemple « DREES, APL 2022 ».
 */
export type Source6 = string;
/**
 * Vrai quand le chiffre est une illustration (exemple fourni avec l’outil, chiffre inventé) et non une donnée réelle : les documents l’impriment avec la mention « donnée d’exemple ».
 */
export type DonneeDExemple5 = boolean;
/**
 * L’indicateur APL de la DREES, par profession, lorsqu’il est connu pour le territoire.
 */
export type AccessibilitePotentielleLocaliseeAPL = APLDUneProfession[];
/**
 * Nom du quartier.
 */
export type Nom4 = string;
/**
 * Code INSEE de la commune du quartier.
 */
export type Commune4 = string;
/**
 * Habitants du quartier.
 */
export type Population1 = number;
/**
 * Année de la population.
 */
export type Annee6 = number;
/**
 * Par exemple « INSEE, quartiers prioritaires ».
 */
export type Source7 = string;
/**
 * Vrai quand le chiffre est une illustration (exemple fourni avec l’outil, chiffre inventé) et non une donnée réelle : les documents l’impriment avec la mention « donnée d’exemple ».
 */
export type DonneeDExemple6 = boolean;
/**
 * Quartiers prioritaires de la politique de la ville (QPV) du territoire.
 */
export type QuartiersPrioritaires = QuartierPrioritaire[];
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
export type Source8 = string;
/**
 * Vrai quand la valeur initiale ou la cible est une illustration et non une donnée réelle : les documents l’impriment avec la mention « donnée d’exemple ».
 */
export type DonneeDExemple7 = boolean;
/**
 * Indicateurs de suivi et leurs cibles.
 */
export type Indicateurs1 = Indicateur2[];
/**
 * Code d’une composante attendue d’une mission de l’ACI : ACCES : medecin-traitant (accès à un médecin traitant), soins-non-programmes (soins non programmés en ville) ; PARCOURS : parcours-pluriprofessionnel (parcours pluriprofessionnel) ; PREVENTION : actions-prevention (actions coordonnées de prévention) ; CRISE : plan-crise (plan de réponse aux crises sanitaires graves), mise-a-jour-plan (mise à jour annuelle du plan), mise-en-oeuvre (mise en œuvre lors d’une crise reconnue) ; QUALITE : demarche-qualite (démarche pluriprofessionnelle de qualité et de pertinence) ; ACCOMPAGNEMENT : accompagnement-professionnels (accompagnement des professionnels).
 *
 * This interface was referenced by `ProjetDeCPTS`'s JSON-Schema
 * via the `definition` "composante_mission".
 */
export type ComposanteDeMission =
  | "medecin-traitant"
  | "soins-non-programmes"
  | "parcours-pluriprofessionnel"
  | "actions-prevention"
  | "plan-crise"
  | "mise-a-jour-plan"
  | "mise-en-oeuvre"
  | "demarche-qualite"
  | "accompagnement-professionnels";
/**
 * Ce que l’action couvre parmi les composantes attendues de sa mission par l’accord conventionnel, par exemple « medecin-traitant » et « soins-non-programmes » pour l’accès aux soins.
 */
export type ComposantesCouvertes = ComposanteDeMission[];
/**
 * Les fiches-actions de la mission.
 */
export type Actions = FicheAction[];
/**
 * Les missions de l’ACI retenues, avec leurs fiches-actions.
 */
export type Missions = Mission[];
/**
 * nouvelle (une association est créée) ou existante (une association qui existe déjà devient la CPTS).
 */
export type Parcours = "nouvelle" | "existante";
/**
 * a_creer, en_cours (statuts en préparation), declaree (association déclarée).
 */
export type EtatDeLaStructurationJuridique = "a_creer" | "en_cours" | "declaree";
/**
 * Nom officiel, par exemple « Communauté Professionnelle Territoriale de Santé du Bergeracois ».
 */
export type Denomination = string;
/**
 * Donné par le récépissé de déclaration (la lettre W suivie de neuf chiffres).
 */
export type NumeroRNA = string;
/**
 * Date d’adoption des premiers statuts (assemblée générale constitutive).
 */
export type AdoptesLe = string;
/**
 * Date de l’assemblée qui l’a votée.
 */
export type Date = string;
/**
 * Ce qui a changé, par exemple « transfert du siège ».
 */
export type Objet = string;
/**
 * Les modifications déjà faites, avec leur date.
 */
export type ModificationsAnterieures = Modification[];
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
export type Commune5 = string;
/**
 * Objet de l’association, si vous voulez remplacer l’objet type (missions de l’ACI, article L1434-12 du code de la santé publique).
 */
export type Objet1 = string;
/**
 * « illimitee » ou un nombre d’années.
 */
export type Duree = "illimitee" | number;
/**
 * Par exemple « membres actifs ».
 */
export type Nom5 = string;
/**
 * Qui peut en faire partie.
 */
export type Qui = string;
/**
 * deliberative ou consultative.
 */
export type Voix = "deliberative" | "consultative";
/**
 * true si les membres de cette catégorie ne paient pas de cotisation (membres d’honneur, partenaires…) : l’article sur la cotisation le dit, et les articles qui parlent des membres à jour de leur cotisation en tiennent compte.
 */
export type DispenseeDeCotisation = boolean;
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
export type Nom6 = string;
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
 * Professions du collège.
 */
export type Professions = Profession3[];
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
 * Ce que les statuts ajoutent sur la cotisation, par exemple « appelée en janvier de chaque année ». Une catégorie de membres qui ne la paie pas se dit dans la catégorie (association.membres.categories, dispensee_de_cotisation), pour que tous les articles en tiennent compte.
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
/**
 * Date de la réunion.
 */
export type Date1 = string;
/**
 * Adresse ou salle.
 */
export type Lieu = string;
/**
 * Par exemple « 20:00 ».
 */
export type Heure = string;
/**
 * Nombre de membres appelés à voter à cette date, pour calculer le quorum.
 */
export type Membres1 = number;
/**
 * Nombre de membres présents.
 */
export type Presents = number;
/**
 * Nombre de membres représentés par un pouvoir écrit.
 */
export type Representes = number;
/**
 * Prénom et nom d’un membre fondateur ou d’un dirigeant, par exemple « Pierre Delmas » : sa civilité et son titre viennent de la liste des personnes.
 */
export type PresidentOuPresidenteDeSeance = string;
/**
 * Prénom et nom d’un membre fondateur ou d’un dirigeant, qui tient le procès-verbal.
 */
export type SecretaireDeSeance = string;
/**
 * statuts (adoption des statuts), objet, membres, instances, denomination, siege (modifications des statuts), election (élection au conseil d’administration, par collège si les statuts en prévoient), bureau (élection du bureau par le conseil), cotisation, pouvoirs (formalités de déclaration ou d’inscription).
 */
export type Resolution1 =
  | "statuts"
  | "objet"
  | "membres"
  | "instances"
  | "denomination"
  | "siege"
  | "election"
  | "bureau"
  | "cotisation"
  | "pouvoirs";
/**
 * Pour une élection : le collège qui vote, tel que les statuts le nomment.
 */
export type College1 = string;
/**
 * true si la résolution est adoptée à l’unanimité des membres présents et représentés.
 */
export type Unanimite = boolean;
/**
 * Nombre de voix pour.
 */
export type VoixPour = number;
/**
 * Nombre de voix contre.
 */
export type VoixContre = number;
/**
 * Nombre d’abstentions.
 */
export type Abstentions = number;
/**
 * Le résultat du vote de chaque résolution, tel que le procès-verbal le rapporte.
 */
export type ResolutionsVotees = Resolution[];
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
 * Date de la réunion.
 */
export type Date2 = string;
/**
 * Adresse ou salle.
 */
export type Lieu1 = string;
/**
 * Par exemple « 20:00 ».
 */
export type Heure1 = string;
/**
 * Nombre de membres appelés à voter à cette date, pour calculer le quorum.
 */
export type Membres2 = number;
/**
 * Nombre de membres présents.
 */
export type Presents1 = number;
/**
 * Nombre de membres représentés par un pouvoir écrit.
 */
export type Representes1 = number;
/**
 * Prénom et nom d’un membre fondateur ou d’un dirigeant, par exemple « Pierre Delmas » : sa civilité et son titre viennent de la liste des personnes.
 */
export type PresidentOuPresidenteDeSeance1 = string;
/**
 * Prénom et nom d’un membre fondateur ou d’un dirigeant, qui tient le procès-verbal.
 */
export type SecretaireDeSeance1 = string;
/**
 * Date de leur adoption, ou de leur dernière modification avant l’assemblée (une des dates de association.statuts). Sans réponse : la dernière de ces dates avant l’assemblée.
 */
export type DateDesStatutsEnVigueur = string;
/**
 * Numéro de l’article de ces statuts qui règle l’assemblée générale extraordinaire, sans le mot « article » : par exemple « 11 », « 11 bis » ou « XI ».
 */
export type Article = string | number;
/**
 * Part des membres qui doivent être présents ou représentés, selon ces statuts : aucun, quart, tiers, moitie, deux_tiers.
 */
export type Quorum3 = "aucun" | "quart" | "tiers" | "moitie" | "deux_tiers";
/**
 * Majorité que ces statuts demandent pour les modifier : simple, absolue, deux_tiers ou trois_quarts des suffrages exprimés.
 */
export type Majorite3 = "simple" | "absolue" | "deux_tiers" | "trois_quarts";
/**
 * Nombre maximal de pouvoirs par membre présent selon ces statuts (0 : vote par procuration non admis).
 */
export type Procurations1 = number;
export type Modification1 = "objet" | "membres" | "instances" | "denomination" | "siege";
/**
 * objet, membres (membres et collèges), instances (conseil d’administration, bureau, assemblées), denomination, siege.
 */
export type CeQueLAssembleeModifie = Modification1[];
/**
 * true si, à la suite de la modification, les collèges élisent un nouveau conseil d’administration (les dirigeants changent).
 */
export type ElectionDUnNouveauConseil = boolean;
/**
 * Le résultat du vote de chaque résolution, tel que le procès-verbal le rapporte.
 */
export type ResolutionsVotees1 = Resolution[];
/**
 * « M. » ou « Mme » : elle accorde les fonctions et la profession dans les documents.
 */
export type Civilite1 = "M." | "Mme";
/**
 * « Dr » ou « Pr », à côté de la civilité.
 */
export type Titre1 = "Dr" | "Pr";
/**
 * Prénom.
 */
export type Prenom1 = string;
/**
 * Nom de famille.
 */
export type Nom7 = string;
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
export type Adresse1 = string;
/**
 * 5 chiffres entre guillemets.
 */
export type CodePostal1 = string;
/**
 * Commune.
 */
export type Commune6 = string;
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
 * « M. » ou « Mme » : elle accorde les fonctions et la profession dans les documents.
 */
export type Civilite2 = "M." | "Mme";
/**
 * « Dr » ou « Pr », à côté de la civilité.
 */
export type Titre2 = "Dr" | "Pr";
/**
 * Prénom.
 */
export type Prenom2 = string;
/**
 * Nom de famille.
 */
export type Nom8 = string;
/**
 * Code de la profession : medecin_generaliste (Médecin généraliste), medecin_specialiste (Médecin spécialiste), chirurgien_dentiste (Chirurgien-dentiste), sage_femme (Sage-femme), pharmacien (Pharmacien), biologiste (Biologiste médical), infirmier (Infirmier), masseur_kinesitherapeute (Masseur-kinésithérapeute), pedicure_podologue (Pédicure-podologue), orthophoniste (Orthophoniste), orthoptiste (Orthoptiste), audioprothesiste (Audioprothésiste), ergotherapeute (Ergothérapeute), psychomotricien (Psychomotricien), dieteticien (Diététicien), opticien_lunetier (Opticien-lunetier), orthoprothesiste (Orthoprothésiste), technicien_laboratoire (Technicien de laboratoire médical), manipulateur_erm (Manipulateur d’électroradiologie médicale), psychologue (Psychologue), osteopathe (Ostéopathe), assistant_service_social (Assistant de service social), transporteur_sanitaire (Transporteur sanitaire (ambulancier)), autre (Autre profession).
 */
export type Profession5 =
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
export type Commune7 = string;
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
export type College2 = string;
/**
 * false pour un administrateur suppléant.
 */
export type Titulaire = boolean;
/**
 * Membres du conseil d’administration et du bureau (2 au moins pour la déclaration).
 */
export type Dirigeants = Dirigeant[];
/**
 * Le tribunal judiciaire (ou de proximité) du siège, qui tient le registre, par exemple « tribunal judiciaire de Saverne ».
 */
export type TribunalJudiciaire = string;
/**
 * Le journal choisi pour publier l’inscription.
 */
export type JournalDAnnoncesLegales = string;
/**
 * Volume et folio, une fois l’association inscrite.
 */
export type NumeroAuRegistre = string;
/**
 * Date de la lettre.
 */
export type Date3 = string;
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
export type Nom9 = string;
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
export type Nom10 = string;
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
 * Vrai quand ces montants sont des illustrations et non ceux d’un contrat signé.
 */
export type DonneeDExemple8 = boolean;
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
export type Annee7 = number;
/**
 * Ce que le financement couvre.
 */
export type Objet2 = string;
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
 * Date de la déclaration modificative (ou de la demande d’inscription de la modification en droit local).
 */
export type DeclarationDesModifications = string;
/**
 * Date au format AAAA-MM-JJ, par exemple 2026-03-01.
 */
export type EnvoiDuProjetDeSanteALARS = string;
/**
 * Date de l’accusé de réception : la validation tacite intervient deux mois après.
 */
export type ReceptionDuProjetDeSanteParLARS = string;
/**
 * Date de la décision de l’ARS, ou date de la validation tacite.
 */
export type Date4 = string;
/**
 * tacite ou decision.
 */
export type Mode = "tacite" | "decision";
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
export type Date5 = string;
/**
 * Étapes propres au projet, en plus des étapes réglementaires.
 */
export type AutresEtapes = Jalon[];
/**
 * Date d’envoi (prévue ou réelle) du projet de santé actualisé.
 */
export type EnvoiALARS = string;
/**
 * renouvellement_contrat (fin du contrat ACI), avenant (nouvelle mission ou nouvelles règles de l’ACI), evolution (nouvelles actions, nouveau territoire) ou autre.
 */
export type Motif = "renouvellement_contrat" | "avenant" | "evolution" | "autre";
/**
 * Ce qui change, par exemple « ajout de la mission de réponse aux crises sanitaires graves ».
 */
export type Precision1 = string;
/**
 * Date imprimée sur la page de titre des documents et dans leurs propriétés. Sans elle, la variable d’environnement SOURCE_DATE_EPOCH la donne ; sinon les documents ne sont pas datés (Word affiche alors le 1er janvier 2000 dans leurs propriétés).
 */
export type DateDesDocuments = string;
/**
 * « Fait à … » des documents.
 */
export type LieuDeSignature = string;
/**
 * Années couvertes par le budget ; par défaut la durée du contrat ACI (5 ans).
 */
export type NombreDAnnees = number;
/**
 * Temps de travail en équivalent temps plein, par exemple 1 ou 0,5.
 */
export type EquivalentTempsPlein = number;
/**
 * Un temps de travail par année de contrat, quand il change (par exemple 0,5 la première année puis 1). Remplace « etp ».
 *
 * @maxItems 10
 */
export type ETPParAnnee =
  | []
  | [number]
  | [number, number]
  | [number, number, number]
  | [number, number, number, number]
  | [number, number, number, number, number]
  | [number, number, number, number, number, number]
  | [number, number, number, number, number, number, number]
  | [number, number, number, number, number, number, number, number]
  | [number, number, number, number, number, number, number, number, number]
  | [number, number, number, number, number, number, number, number, number, number];
/**
 * Salaire brut annuel pour un temps plein, en euros.
 */
export type SalaireBrutAnnuel = number;
/**
 * Charges patronales en pourcentage du salaire brut, par exemple 45.
 */
export type ChargesPatronales = number;
/**
 * D’où viennent le salaire et le taux : fiche de poste, convention collective, devis du cabinet comptable.
 */
export type Source9 = string;
/**
 * Vrai quand le chiffre est une illustration (exemple fourni avec l’outil, chiffre inventé) et non une donnée réelle : les documents l’impriment avec la mention « donnée d’exemple ».
 */
export type DonneeDExemple9 = boolean;
/**
 * Ce qui est indemnisé, par exemple « temps de réunion des groupes de travail et régulation des soins non programmés ».
 */
export type Libelle1 = string;
/**
 * Total annuel versé à l’ensemble des professionnels, en euros.
 */
export type MontantAnnuel = number;
/**
 * Un total par année de contrat ; null pour une année inconnue. Remplace « montant ».
 *
 * @maxItems 10
 */
export type MontantParAnnee =
  | []
  | [MontantEnEuros | null]
  | [MontantEnEuros | null, MontantEnEuros | null]
  | [MontantEnEuros | null, MontantEnEuros | null, MontantEnEuros | null]
  | [MontantEnEuros | null, MontantEnEuros | null, MontantEnEuros | null, MontantEnEuros | null]
  | [
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null
    ]
  | [
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null
    ]
  | [
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null
    ]
  | [
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null
    ]
  | [
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null
    ]
  | [
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null
    ];
/**
 * Montant en euros, sans symbole ni espace, par exemple 50000 (10 milliards au plus).
 *
 * This interface was referenced by `ProjetDeCPTS`'s JSON-Schema
 * via the `definition` "montant".
 */
export type MontantEnEuros = number;
/**
 * Nombre de professionnels indemnisés ou rémunérés.
 */
export type ProfessionnelsConcernes = number;
/**
 * Montant en euros, sans symbole ni espace, par exemple 50000 (10 milliards au plus).
 */
export type MontantEnEuros1 = number;
/**
 * Barème adopté par le conseil d’administration, par exemple.
 */
export type Source10 = string;
/**
 * Vrai quand le chiffre est une illustration (exemple fourni avec l’outil, chiffre inventé) et non une donnée réelle : les documents l’impriment avec la mention « donnée d’exemple ».
 */
export type DonneeDExemple10 = boolean;
/**
 * Ce que couvre la ligne, par exemple « messagerie sécurisée et outil de coordination ».
 */
export type Libelle2 = string;
/**
 * Montant en euros, sans symbole ni espace, par exemple 50000 (10 milliards au plus).
 */
export type MontantEnEuros2 = number;
/**
 * Un montant par année de contrat (année 1 en premier), en euros ; null pour une année dont le montant n’est pas connu. Remplace « montant ».
 *
 * @maxItems 10
 */
export type MontantParAnnee1 =
  | []
  | [MontantEnEuros | null]
  | [MontantEnEuros | null, MontantEnEuros | null]
  | [MontantEnEuros | null, MontantEnEuros | null, MontantEnEuros | null]
  | [MontantEnEuros | null, MontantEnEuros | null, MontantEnEuros | null, MontantEnEuros | null]
  | [
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null
    ]
  | [
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null
    ]
  | [
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null
    ]
  | [
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null
    ]
  | [
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null
    ]
  | [
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null,
      MontantEnEuros | null
    ];
/**
 * D’où vient le montant : devis, convention, notification, budget de l’année précédente…
 */
export type Source11 = string;
/**
 * Précision sur le calcul ou l’usage.
 */
export type Commentaire6 = string;
/**
 * Vrai quand le chiffre est une illustration (exemple fourni avec l’outil, chiffre inventé) et non une donnée réelle : les documents l’impriment avec la mention « donnée d’exemple ».
 */
export type DonneeDExemple11 = boolean;
/**
 * Formation, déplacements, prestations, frais divers.
 */
export type AutresCharges = LigneDuBudget[];
/**
 * Part des montants variables de l’ACI que la CPTS compte obtenir, de 0 à 100 ; sans réponse, ils sont comptés à leur maximum.
 */
export type PartVariableAttendue = number;
/**
 * Collectivités, conseil régional, fondations : une ligne par financeur.
 */
export type AutresSubventions = LigneDuBudget[];
/**
 * Nombre de membres qui paient la cotisation (association.cotisation.montant).
 */
export type MembresCotisants = number;
/**
 * Montant en euros, sans symbole ni espace, par exemple 50000 (10 milliards au plus).
 */
export type MontantEnEuros3 = number;
/**
 * Par exemple « adhésions de l’année précédente ».
 */
export type Source12 = string;
/**
 * Vrai quand le chiffre est une illustration (exemple fourni avec l’outil, chiffre inventé) et non une donnée réelle : les documents l’impriment avec la mention « donnée d’exemple ».
 */
export type DonneeDExemple12 = boolean;
/**
 * Prestations, dons, produits financiers.
 */
export type AutresProduits = LigneDuBudget[];
/**
 * Montant en euros, sans symbole ni espace, par exemple 50000 (10 milliards au plus).
 */
export type MontantEnEuros4 = number;
/**
 * Article de loi ou de décret qui fixe le seuil.
 */
export type Texte = string;
/**
 * Date au format AAAA-MM-JJ, par exemple 2026-03-01.
 *
 * This interface was referenced by `ProjetDeCPTS`'s JSON-Schema
 * via the `definition` "date".
 */
export type Date6 = string;
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
export type Texte1 = string;
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
export type Quorum4 = "aucun" | "quart" | "tiers" | "moitie" | "deux_tiers";
/**
 * simple (plus de voix pour que contre), absolue (plus de la moitié des suffrages exprimés), deux_tiers ou trois_quarts des suffrages exprimés.
 *
 * This interface was referenced by `ProjetDeCPTS`'s JSON-Schema
 * via the `definition` "majorite".
 */
export type Majorite4 = "simple" | "absolue" | "deux_tiers" | "trois_quarts";
/**
 * « M. » ou « Mme » : elle accorde les fonctions, les titres et la profession dans les documents (« présidente », « infirmière », « la Dre »).
 *
 * This interface was referenced by `ProjetDeCPTS`'s JSON-Schema
 * via the `definition` "civilite".
 */
export type Civilite3 = "M." | "Mme";
/**
 * « Dr » pour une personne titulaire d’un doctorat d’exercice (médecin, chirurgien-dentiste, pharmacien…), « Pr » pour un professeur ; les documents écrivent « Dre » et « Pre » pour une femme.
 *
 * This interface was referenced by `ProjetDeCPTS`'s JSON-Schema
 * via the `definition` "titre".
 */
export type Titre3 = "Dr" | "Pr";
/**
 * nouvelle : une association est créée pour porter la CPTS (statuts, assemblée générale constitutive, déclaration de création) ; existante : une association qui existe déjà devient la CPTS (assemblée générale extraordinaire qui modifie ses statuts, déclaration modificative).
 *
 * This interface was referenced by `ProjetDeCPTS`'s JSON-Schema
 * via the `definition` "parcours_association".
 */
export type Parcours1 = "nouvelle" | "existante";
/**
 * Numéro du répertoire national des associations, donné par le récépissé de déclaration : la lettre W suivie de neuf chiffres, par exemple « W243001234 ».
 *
 * This interface was referenced by `ProjetDeCPTS`'s JSON-Schema
 * via the `definition` "rna".
 */
export type NumeroRNA1 = string;
/**
 * Numéro d’un article de statuts, sans le mot « article » : 13, « 13 bis » ou « XIII ».
 *
 * This interface was referenced by `ProjetDeCPTS`'s JSON-Schema
 * via the `definition` "numero_article".
 */
export type NumeroDArticle = string | number;

/**
 * Fichier projet d’une Communauté Professionnelle Territoriale de Santé (cpts.yaml) : toutes les réponses qui servent à écrire la lettre d’intention, les statuts, les procès-verbaux d’assemblée générale et du conseil d’administration, la liste des dirigeants, la déclaration, le diagnostic et le projet de santé.
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
  budget?: BudgetPrevisionnel;
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
  titre?: Titre;
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
  cpts_voisines?: CPTSVoisines;
  population?: PopulationCalculee;
  taille?: TailleACICalculee;
  superficie_km2?: Superficie;
}
/**
 * Une CPTS voisine.
 */
export interface CPTSVoisine {
  nom: Nom2;
  etat?: Etat;
  territoire?: SonTerritoire;
  chevauchement?: Chevauchement;
  articulation?: Articulation;
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
  structure_age?: PopulationParAge;
  besoins?: Besoins;
  forces?: Forces;
  faiblesses?: Faiblesses;
  coordination_existante?: CoordinationExistante;
  effectifs_exemple?: DonneeDExemple1;
  patients_sans_medecin_traitant?: PatientsSansMedecinTraitant;
  soins_non_programmes?: SoinsNonProgrammes;
  zonage_medecins?: ZonageMedecinsDeLARS;
  apl?: AccessibilitePotentielleLocaliseeAPL;
  quartiers_prioritaires?: QuartiersPrioritaires;
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
  exemple?: DonneeDExemple;
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
  references?: DensitesDeComparaison;
}
/**
 * Densités de la profession pour 10 000 habitants dans le département, la région et la France, comparées à celle du territoire.
 */
export interface DensitesDeComparaison {
  departement?: Departement1;
  region?: Region1;
  france?: France1;
}
/**
 * Structure par âge de la population du territoire (parts en %), avec celles du département, de la région et de la France si elles sont connues ; le graphique est dessiné quand la source et les tranches sont données.
 */
export interface PopulationParAge {
  tranches?: TranchesDAge;
  annee?: Annee1;
  source?: Source2;
}
/**
 * Une tranche d’âge et sa part dans la population, en %.
 */
export interface TrancheDAge {
  libelle: Tranche;
  territoire: Territoire1;
  departement?: Departement2;
  region?: Region2;
  france?: France2;
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
  nom: Nom3;
  type?: Type;
  commune?: Commune1;
  commentaire?: Commentaire1;
}
/**
 * Patients sans médecin traitant déclaré, par catégorie (Rézone CPTS ou données de la CPAM).
 */
export interface PatientsSansMedecinTraitant {
  annee?: Annee2;
  source: Source3;
  exemple?: DonneeDExemple2;
  categories?: Categories;
}
/**
 * Les patients d’une catégorie sans médecin traitant.
 */
export interface CategorieDePatients {
  categorie: Categorie;
  libelle?: Libelle;
  nombre?: NombreDePatients;
  part?: Part;
}
/**
 * Comment les demandes de soins non programmés sont prises en charge aujourd’hui sur le territoire.
 */
export interface SoinsNonProgrammes {
  constat?: Constat;
  organisation_existante?: OrganisationExistante;
  passages_urgences?: PassagesAuxUrgencesNonSuivisDHospitalisation;
}
/**
 * Valeur, unité, année et source (Rézone CPTS).
 */
export interface PassagesAuxUrgencesNonSuivisDHospitalisation {
  valeur: Valeur1;
  unite?: Unite1;
  annee: Annee3;
  source: Source4;
  exemple?: DonneeDExemple3;
}
/**
 * Classement des communes du territoire par l’arrêté de zonage des médecins de l’ARS : zones d’intervention prioritaire (ZIP) et zones d’action complémentaire (ZAC).
 */
export interface ZonageMedecinsDeLARS {
  arrete?: Arrete;
  source: Source5;
  annee?: Annee4;
  zip?: CommunesEnZIP;
  zac?: CommunesEnZAC;
  exemple?: DonneeDExemple4;
}
/**
 * Valeur de l’APL pour une profession.
 */
export interface APLDUneProfession {
  profession: Profession2;
  valeur: Valeur2;
  unite?: Unite2;
  annee: Annee5;
  source: Source6;
  exemple?: DonneeDExemple5;
}
/**
 * Un quartier prioritaire de la politique de la ville.
 */
export interface QuartierPrioritaire {
  nom: Nom4;
  commune?: Commune4;
  population?: Population1;
  annee?: Annee6;
  source?: Source7;
  exemple?: DonneeDExemple6;
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
  composantes?: ComposantesCouvertes;
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
  source?: Source8;
  exemple?: DonneeDExemple7;
}
/**
 * L’association qui porte la CPTS : statuts, instances, dirigeants.
 */
export interface Association {
  parcours?: Parcours;
  etat?: EtatDeLaStructurationJuridique;
  denomination?: Denomination;
  rna?: NumeroRNA;
  statuts?: DatesDesStatuts;
  siege?: Siege;
  objet?: Objet1;
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
  ag_extraordinaire?: AssembleeGeneraleExtraordinaire1;
  fondateurs?: MembresFondateurs;
  dirigeants?: Dirigeants;
  inscription?: InscriptionAuRegistre;
}
/**
 * Adoption et modifications antérieures des statuts (association existante).
 */
export interface DatesDesStatuts {
  adoptes_le?: AdoptesLe;
  modifications?: ModificationsAnterieures;
}
/**
 * Une modification des statuts.
 */
export interface Modification {
  date: Date;
  objet?: Objet;
}
/**
 * Adresse du siège social (en Moselle, Bas-Rhin et Haut-Rhin, le droit local s’applique).
 */
export interface Siege {
  adresse: Adresse;
  code_postal: CodePostal;
  commune: Commune5;
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
  nom: Nom5;
  description: Qui;
  voix?: Voix;
  dispensee_de_cotisation?: DispenseeDeCotisation;
}
/**
 * Un collège de membres représenté au conseil d’administration.
 */
export interface College {
  nom: Nom6;
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
  premiere_reunion?: ReunionDuConseilQuiElitLeBureau;
}
/**
 * Première réunion du conseil d’administration élu : elle élit le bureau, comme le prévoient les statuts.
 */
export interface ReunionDuConseilQuiElitLeBureau {
  date?: Date1;
  lieu?: Lieu;
  heure?: Heure;
  membres?: Membres1;
  presents?: Presents;
  representes?: Representes;
  president_seance?: PresidentOuPresidenteDeSeance;
  secretaire_seance?: SecretaireDeSeance;
  resolutions?: ResolutionsVotees;
}
/**
 * Une décision de la réunion et le résultat de son vote.
 *
 * This interface was referenced by `ProjetDeCPTS`'s JSON-Schema
 * via the `definition` "resolution".
 */
export interface Resolution {
  code: Resolution1;
  college?: College1;
  vote?: ResultatDuVote;
}
/**
 * À l’unanimité (unanimite: true), ou le nombre de voix pour, contre et d’abstentions.
 */
export interface ResultatDuVote {
  unanimite?: Unanimite;
  pour?: VoixPour;
  contre?: VoixContre;
  abstentions?: Abstentions;
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
 * Réunion des fondateurs qui adopte les statuts et élit le conseil d’administration (association nouvelle).
 */
export interface AssembleeGeneraleConstitutive {
  date?: Date1;
  lieu?: Lieu;
  heure?: Heure;
  membres?: Membres1;
  presents?: Presents;
  representes?: Representes;
  president_seance?: PresidentOuPresidenteDeSeance;
  secretaire_seance?: SecretaireDeSeance;
  resolutions?: ResolutionsVotees;
}
/**
 * Réunion qui modifie les statuts d’une association existante pour qu’elle porte la CPTS.
 */
export interface AssembleeGeneraleExtraordinaire1 {
  date?: Date2;
  lieu?: Lieu1;
  heure?: Heure1;
  membres?: Membres2;
  presents?: Presents1;
  representes?: Representes1;
  president_seance?: PresidentOuPresidenteDeSeance1;
  secretaire_seance?: SecretaireDeSeance1;
  statuts_anterieurs?: StatutsSousLesquelsLAssembleeDelibere;
  modifications?: CeQueLAssembleeModifie;
  elections?: ElectionDUnNouveauConseil;
  resolutions?: ResolutionsVotees1;
}
/**
 * L’assemblée extraordinaire vote sous les statuts en vigueur le jour où elle se réunit, et non sous ceux qu’elle adopte : leur date, l’article qui règle l’assemblée extraordinaire, son quorum, sa majorité et le nombre de pouvoirs admis. Le procès-verbal calcule et vérifie le quorum et la majorité avec ces règles ; tant qu’elles manquent, il laisse un passage à compléter.
 */
export interface StatutsSousLesquelsLAssembleeDelibere {
  date?: DateDesStatutsEnVigueur;
  article?: Article;
  quorum?: Quorum3;
  majorite?: Majorite3;
  procurations_max?: Procurations1;
}
/**
 * Une personne physique.
 *
 * This interface was referenced by `ProjetDeCPTS`'s JSON-Schema
 * via the `definition` "personne".
 */
export interface Personne {
  civilite?: Civilite1;
  titre?: Titre1;
  prenom: Prenom1;
  nom: Nom7;
  profession?: Profession4;
  adresse?: Adresse1;
  code_postal?: CodePostal1;
  commune?: Commune6;
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
  titre?: Titre2;
  prenom: Prenom2;
  nom: Nom8;
  profession?: Profession5;
  adresse?: Adresse2;
  code_postal?: CodePostal2;
  commune?: Commune7;
  nationalite?: Nationalite1;
  date_naissance?: DateDeNaissance1;
  lieu_naissance?: LieuDeNaissance1;
  fonction: Fonction1;
  college?: College2;
  titulaire?: Titulaire;
}
/**
 * En Moselle, dans le Bas-Rhin et le Haut-Rhin seulement.
 */
export interface InscriptionAuRegistre {
  tribunal?: TribunalJudiciaire;
  journal_annonces_legales?: JournalDAnnoncesLegales;
  registre?: NumeroAuRegistre;
}
/**
 * Ce que la lettre d’intention demande à l’ARS.
 */
export interface LettreDIntention {
  date?: Date3;
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
  nom: Nom9;
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
  nom?: Nom10;
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
  exemple?: DonneeDExemple8;
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
  annee?: Annee7;
  objet?: Objet2;
}
/**
 * Dates des grandes étapes (prévues ou réelles).
 */
export interface Calendrier1 {
  envoi_lettre_intention?: EnvoiDeLaLettreDIntention;
  validation_lettre_intention?: ValidationDeLaLettreDIntention;
  ag_constitutive?: AssembleeGeneraleConstitutive1;
  declaration_association?: DeclarationDeLAssociation;
  declaration_modification?: DeclarationDesModifications;
  depot_projet_sante?: EnvoiDuProjetDeSanteALARS;
  reception_projet_sante?: ReceptionDuProjetDeSanteParLARS;
  validation_projet_sante?: ValidationDuProjetDeSante;
  signature_aci?: SignatureDuContratACI;
  jalons?: AutresEtapes;
  actualisation_projet_sante?: ActualisationDuProjetDeSante;
}
/**
 * Date et mode : tacite ou décision de l’ARS.
 */
export interface ValidationDuProjetDeSante {
  date: Date4;
  mode: Mode;
}
/**
 * Une étape propre au projet.
 */
export interface Jalon {
  libelle: Etape;
  date: Date5;
}
/**
 * Pour une CPTS qui existe déjà : la nouvelle version de son projet de santé, envoyée (ou à envoyer) à l’ARS. Les documents sont alors datés de cette version ; les dates ci-dessus restent celles de la création.
 */
export interface ActualisationDuProjetDeSante {
  date: EnvoiALARS;
  motif: Motif;
  precision?: Precision1;
}
/**
 * Réglages des documents générés.
 */
export interface Documents {
  date?: DateDesDocuments;
  lieu?: LieuDeSignature;
}
/**
 * Charges et produits de la CPTS, année par année sur la durée du contrat. Un montant non renseigné reste inconnu.
 */
export interface BudgetPrevisionnel {
  annees?: NombreDAnnees;
  coordination?: Coordination2;
  indemnisation?: IndemnisationEtRemunerationDesProfessionnels;
  systeme_information?: SystemeDInformation1;
  locaux?: Locaux;
  communication?: Communication1;
  comptabilite?: Comptabilite;
  commissaire_aux_comptes?: CommissaireAuxComptes;
  autres_charges?: AutresCharges;
  aci_part_variable_pourcentage?: PartVariableAttendue;
  fir?: LigneDuBudget1;
  subventions?: AutresSubventions;
  cotisations?: Cotisations;
  autres_produits?: AutresProduits;
  seuil_commissaire_aux_comptes?: SeuilDuCommissaireAuxComptes;
}
/**
 * Le poste de coordination salarié : temps de travail, salaire brut et charges patronales.
 */
export interface Coordination2 {
  etp?: EquivalentTempsPlein;
  etp_par_annee?: ETPParAnnee;
  salaire_brut_annuel?: SalaireBrutAnnuel;
  charges_patronales_pourcentage?: ChargesPatronales;
  source?: Source9;
  exemple?: DonneeDExemple9;
}
/**
 * Indemnités et rémunérations versées aux professionnels membres (article D1434-44 du code de la santé publique), plafonnées chaque année par professionnel.
 */
export interface IndemnisationEtRemunerationDesProfessionnels {
  libelle?: Libelle1;
  montant?: MontantAnnuel;
  par_annee?: MontantParAnnee;
  professionnels?: ProfessionnelsConcernes;
  maximum_par_professionnel?: MontantEnEuros1;
  source?: Source10;
  exemple?: DonneeDExemple10;
}
/**
 * Messagerie sécurisée, outil de coordination, site internet, matériel.
 */
export interface SystemeDInformation1 {
  libelle?: Libelle2;
  montant?: MontantEnEuros2;
  par_annee?: MontantParAnnee1;
  source?: Source11;
  commentaire?: Commentaire6;
  exemple?: DonneeDExemple11;
}
/**
 * Loyer, charges, salles de réunion.
 */
export interface Locaux {
  libelle?: Libelle2;
  montant?: MontantEnEuros2;
  par_annee?: MontantParAnnee1;
  source?: Source11;
  commentaire?: Commentaire6;
  exemple?: DonneeDExemple11;
}
/**
 * Lettre d’information, événements, supports.
 */
export interface Communication1 {
  libelle?: Libelle2;
  montant?: MontantEnEuros2;
  par_annee?: MontantParAnnee1;
  source?: Source11;
  commentaire?: Commentaire6;
  exemple?: DonneeDExemple11;
}
/**
 * Expert-comptable, paie, banque, assurance.
 */
export interface Comptabilite {
  libelle?: Libelle2;
  montant?: MontantEnEuros2;
  par_annee?: MontantParAnnee1;
  source?: Source11;
  commentaire?: Commentaire6;
  exemple?: DonneeDExemple11;
}
/**
 * Honoraires du commissaire aux comptes, quand la CPTS doit en nommer un.
 */
export interface CommissaireAuxComptes {
  libelle?: Libelle2;
  montant?: MontantEnEuros2;
  par_annee?: MontantParAnnee1;
  source?: Source11;
  commentaire?: Commentaire6;
  exemple?: DonneeDExemple11;
}
/**
 * Un poste du budget prévisionnel : un montant annuel, ou un montant par année de contrat.
 *
 * This interface was referenced by `ProjetDeCPTS`'s JSON-Schema
 * via the `definition` "ligne_budget".
 */
export interface LigneDuBudget {
  libelle?: Libelle2;
  montant?: MontantEnEuros2;
  par_annee?: MontantParAnnee1;
  source?: Source11;
  commentaire?: Commentaire6;
  exemple?: DonneeDExemple11;
}
/**
 * Un poste du budget prévisionnel : un montant annuel, ou un montant par année de contrat.
 */
export interface LigneDuBudget1 {
  libelle?: Libelle2;
  montant?: MontantEnEuros2;
  par_annee?: MontantParAnnee1;
  source?: Source11;
  commentaire?: Commentaire6;
  exemple?: DonneeDExemple11;
}
/**
 * Cotisations des membres : un montant, ou un nombre de membres multiplié par la cotisation de l’association.
 */
export interface Cotisations {
  membres?: MembresCotisants;
  montant?: MontantEnEuros3;
  source?: Source12;
  exemple?: DonneeDExemple12;
}
/**
 * Montant annuel de subventions publiques au-delà duquel une association doit nommer un commissaire aux comptes, avec le texte qui le fixe : l’outil ne le connaît pas.
 */
export interface SeuilDuCommissaireAuxComptes {
  montant: MontantEnEuros4;
  source: Texte;
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
/**
 * À l’unanimité (unanimite: true), ou le nombre de voix pour, contre et d’abstentions.
 *
 * This interface was referenced by `ProjetDeCPTS`'s JSON-Schema
 * via the `definition` "vote".
 */
export interface ResultatDuVote1 {
  unanimite?: Unanimite;
  pour?: VoixPour;
  contre?: VoixContre;
  abstentions?: Abstentions;
}
/**
 * Une réunion dont le procès-verbal est écrit : date, lieu, présents et représentés, séance, résultats des votes.
 *
 * This interface was referenced by `ProjetDeCPTS`'s JSON-Schema
 * via the `definition` "reunion".
 */
export interface Reunion {
  date?: Date1;
  lieu?: Lieu;
  heure?: Heure;
  membres?: Membres1;
  presents?: Presents;
  representes?: Representes;
  president_seance?: PresidentOuPresidenteDeSeance;
  secretaire_seance?: SecretaireDeSeance;
  resolutions?: ResolutionsVotees;
}
/**
 * L’assemblée qui modifie les statuts d’une association existante pour qu’elle porte la CPTS.
 *
 * This interface was referenced by `ProjetDeCPTS`'s JSON-Schema
 * via the `definition` "ag_extraordinaire".
 */
export interface AssembleeGeneraleExtraordinaire2 {
  date?: Date2;
  lieu?: Lieu1;
  heure?: Heure1;
  membres?: Membres2;
  presents?: Presents1;
  representes?: Representes1;
  president_seance?: PresidentOuPresidenteDeSeance1;
  secretaire_seance?: SecretaireDeSeance1;
  statuts_anterieurs?: StatutsSousLesquelsLAssembleeDelibere;
  modifications?: CeQueLAssembleeModifie;
  elections?: ElectionDUnNouveauConseil;
  resolutions?: ResolutionsVotees1;
}
/**
 * Quand les statuts en vigueur ont été adoptés et modifiés avant la réunion que prépare ce fichier.
 *
 * This interface was referenced by `ProjetDeCPTS`'s JSON-Schema
 * via the `definition` "historique_statuts".
 */
export interface DatesDesStatuts1 {
  adoptes_le?: AdoptesLe;
  modifications?: ModificationsAnterieures;
}
/**
 * En Moselle, dans le Bas-Rhin et le Haut-Rhin : où et comment l’association est inscrite.
 *
 * This interface was referenced by `ProjetDeCPTS`'s JSON-Schema
 * via the `definition` "inscription_droit_local".
 */
export interface InscriptionAuRegistreDesAssociations {
  tribunal?: TribunalJudiciaire;
  journal_annonces_legales?: JournalDAnnoncesLegales;
  registre?: NumeroAuRegistre;
}
/**
 * Une seule validation : tacite (deux mois après la réception, depuis la loi du 24 juillet 2019) ou par une décision de l’ARS.
 *
 * This interface was referenced by `ProjetDeCPTS`'s JSON-Schema
 * via the `definition` "validation_projet_sante".
 */
export interface ValidationDuProjetDeSante1 {
  date: Date4;
  mode: Mode;
}
/**
 * Une valeur chiffrée avec son année et sa source.
 *
 * This interface was referenced by `ProjetDeCPTS`'s JSON-Schema
 * via the `definition` "mesure_datee".
 */
export interface Mesure {
  valeur: Valeur1;
  unite?: Unite1;
  annee: Annee3;
  source: Source4;
  exemple?: DonneeDExemple3;
}
