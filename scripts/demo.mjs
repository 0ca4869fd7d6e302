// `npm start` (after the build): the main job on the sample workbook, through the built `alliance`
// command, as staff would run it. Prints a short French report and writes the results under out/.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const sample = 'examples/alliance-exemple.xlsx';
const out = 'out';

function alliance(args) {
  const result = spawnSync(process.execPath, ['bin/alliance.mjs', ...args], { cwd: root, encoding: 'utf8' });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Stops the demo with the command's own message when it failed to run (exit 2). */
function check(step, result, accepted = [0]) {
  if (accepted.includes(result.code)) return;
  process.stderr.write(result.stderr);
  console.error(`La démonstration s’est arrêtée à l’étape « ${step} » (code ${result.code}).`);
  process.exit(1);
}

/** The command's report from the line `title` on (its lines after the title, without the title). */
function section(stdout, title) {
  const lines = stdout.split('\n');
  const start = lines.findIndex((l) => l.trim() === title);
  return start < 0
    ? stdout.trim()
    : lines
        .slice(start + 1)
        .join('\n')
        .trimEnd();
}

const indent = (text) => text.replace(/^ {2}/gm, '   ');

// out/ belongs to the demo: each run replaces its three workbooks (--yes).
mkdirSync(new URL('../out/', import.meta.url), { recursive: true });

console.log('Alliance pour la solidarité — MRC des Maskoutains');
console.log(`Démonstration sur le classeur d’exemple : ${sample}\n`);

// 1. Validate (exit 1 is expected: the sample holds the usual mistakes), as JSON for this report,
//    then write the annotated copy (Validation sheet, fills and notes).
const validation = alliance(['validate', sample, '--json']);
check('valider', validation, [0, 1]);
const report = JSON.parse(validation.stdout);
const count = (severity) => report.issues.filter((i) => i.severity === severity).length;
console.log(
  `1. Validation : ${count('error')} erreurs, ${count('warning')} avertissements, ${count('info')} informations.`,
);
for (const issue of report.issues.filter((i) => i.severity === 'error')) {
  console.log(`   ✗ ${issue.sheet ?? ''}${issue.cell ? `!${issue.cell}` : ''} : ${issue.message}`);
}
check(
  'valider (classeur annoté)',
  alliance(['validate', sample, '--yes', '-o', `${out}/alliance-exemple.validation.xlsx`]),
  [0, 1],
);

const eligible = report.projects.filter((p) => p.eligible);
console.log(`\n2. Admissibilité : ${eligible.length} projets admissibles sur ${report.projects.length}.`);
for (const p of report.projects) {
  const line = `   ${p.eligible ? '✓' : '✗'} ${p.id}  ${p.title}`;
  console.log(p.eligible ? line : `${line}\n${p.reasons.map((r) => `        — ${r.message}`).join('\n')}`);
}

// 2. Rank: the Classement sheet and the funding recommendation (a simulation: Décision is unchanged).
//    The command's own report lists the ranking with each recommendation.
const rank = alliance(['rank', sample, '--yes', '-o', `${out}/alliance-exemple.classement.xlsx`]);
check('classer', rank);
console.log('\n3. Classement et recommandation de financement :');
console.log(indent(section(rank.stdout, 'Classement')));

// 3. Summary: the Sommaire budgétaire sheet, live formulas over the staff sheets.
const summary = alliance(['summary', sample, '--yes', '-o', `${out}/alliance-exemple.sommaire.xlsx`]);
check('sommaire', summary);
console.log('\n4. Budget par exercice (les sommes non engagées sont reportées) :');
console.log(indent(section(summary.stdout, 'Budget par exercice')));

console.log(`
Classeurs produits dans ${out}/ (l’original n’est jamais modifié) :
   ${out}/alliance-exemple.validation.xlsx   feuille « Validation », cellules en cause surlignées et annotées
   ${out}/alliance-exemple.classement.xlsx   feuille « Classement » et recommandation de financement
   ${out}/alliance-exemple.sommaire.xlsx     feuille « Sommaire budgétaire » (formules vivantes) et graphique

Ouvrez-les dans Excel, LibreOffice Calc ou Google Sheets (Fichier > Importer).
Sur vos propres classeurs : npx alliance validate MON-CLASSEUR.xlsx (aide : npx alliance --help).
Pour travailler directement dans le tableur, voir le README :
   « Installer dans Excel » (volet Office et fonctions =ALLIANCE.ELIGIBLE(…))
   « Installer dans Google Sheets » (menu Alliance et fonctions =ALLIANCE_ELIGIBLE(…))`);
