import { describe, expect, it } from 'vitest';
import { readProjects } from '../../../core/grids/projects.js';
import { at, codes, PROJECT_HEADERS, projectRow, sheet } from '../../fixtures/workbook.js';

const YEARS = ['2019-2020', '2020-2021', '2021-2022', '2022-2023'];

describe('readProjects', () => {
  it('reads the optional Dérogation and Résolution columns (English headers too)', () => {
    const reading = readProjects(
      sheet('Projets', [
        ['No', 'Accordé 2020-2021', 'Waiver', 'No de résolution'],
        ['P-001', 30_000, 'Projet jugé exceptionnel par le conseil', '21-06-144'],
        ['P-002', 10_000, null, null],
      ]),
      { years: YEARS },
    );
    expect(reading.projects.map((p) => [p.id, p.waiver, p.resolution])).toEqual([
      ['P-001', 'Projet jugé exceptionnel par le conseil', '21-06-144'],
      ['P-002', '', ''],
    ]);
    expect(reading.projects[0].origin?.cells.waiver).toBe('C2');
    // Without the columns, the records carry no such field at all.
    const plain = readProjects(sheet('Projets', [['No'], ['P-001']]), { years: YEARS });
    expect('waiver' in plain.projects[0]).toBe(false);
  });

  it('reads a row into a Project with the cell of each field', () => {
    const reading = readProjects(
      sheet('Projets', [
        PROJECT_HEADERS,
        projectRow({
          No: 'P-001',
          Titre: 'Cuisines collectives',
          'Organisme porteur': 'Moisson Maskoutaine',
          'Organismes partenaires': 'Comptoir-partage La Mie; Maison de la famille',
          Appuis: 'Ville de Saint-Hyacinthe',
          Municipalités: 'St-Hyacinthe, Saint-Pie, Saint-Dominique',
          Priorités: '1, 2',
          Début: '2020-04-01',
          Fin: new Date(Date.UTC(2022, 2, 31)),
          'Coût total': 120_000,
          'Demandé 2020-2021': 44_799,
          'Demandé 2021-2022': '44 799 $',
          'Accordé 2020-2021': 44_799,
          Décision: 'accepte',
        }),
      ]),
      { years: YEARS },
    );
    expect(reading.projects).toEqual([
      {
        id: 'P-001',
        title: 'Cuisines collectives',
        lead: 'Moisson Maskoutaine',
        partners: ['Comptoir-partage La Mie', 'Maison de la famille'],
        supports: ['Ville de Saint-Hyacinthe'],
        municipalities: ['St-Hyacinthe', 'Saint-Pie', 'Saint-Dominique'],
        priorities: ['1', '2'],
        start: '2020-04-01',
        end: '2022-03-31',
        totalCostCents: 12_000_000,
        requestedCents: { '2020-2021': 4_479_900, '2021-2022': 4_479_900 },
        grantedCents: { '2020-2021': 4_479_900 },
        decision: 'Accepté',
        reportReceived: null,
        origin: {
          sheet: 'Projets',
          cells: expect.objectContaining({
            id: 'A2',
            municipalities: 'F2',
            'requested 2021-2022': 'L2',
            decision: 'O2',
          }),
        },
      },
    ]);
    expect(at(reading.issues)).toEqual(['cell.dateAsText@H2', 'cell.moneyAsText@L2']);
  });

  it('finds English headers in any order below title rows, skips blank rows and keeps unknown columns', () => {
    const reading = readProjects(
      sheet('Projects', [
        ['Alliance pour la solidarité — projets déposés'],
        ['Appel de projets 2020'],
        [],
        [
          'Notes internes',
          'Title',
          'ID',
          'Requested 2020 – 2021',
          'Granted 2020-2021',
          'Decision:',
          'Lead organization',
        ],
        ['à rappeler', 'Logemen’mêle', 'P-002', 58_200, null, 'Under review', 'Logemen’mêle'],
        [],
        [null, null, null, null, null, null, null],
        ['', 'Persévérance', 7, '61 936 $', null, 'Reçu', 'Contact Richelieu-Yamaska'],
      ]),
      { years: YEARS },
    );
    expect(reading.layout).toEqual({
      sheet: 'Projects',
      headerRow: 3,
      columns: {
        title: 1,
        id: 2,
        'requested 2020-2021': 3,
        'granted 2020-2021': 4,
        decision: 5,
        lead: 6,
      },
      rows: [4, 7],
    });
    expect(reading.projects.map((p) => [p.id, p.title, p.requestedCents, p.decision])).toEqual([
      ['P-002', 'Logemen’mêle', { '2020-2021': 5_820_000 }, 'En analyse'],
      ['7', 'Persévérance', { '2020-2021': 6_193_600 }, 'Reçu'],
    ]);
  });

  it('reports a missing No column once, at the header row, without crashing', () => {
    const reading = readProjects(
      sheet('Projets', [
        ['Titre', 'Organisme porteur', 'Municipalités'],
        ['Cuisines collectives', 'Moisson Maskoutaine', 'Saint-Pie'],
      ]),
      { years: YEARS },
    );
    expect(reading.projects).toEqual([]);
    expect(reading.issues.map((i) => [i.code, i.severity, i.cell, i.params?.column])).toEqual([
      ['header.missing', 'error', 'A1', 'No'],
    ]);
  });

  it('reports a sheet without any recognizable header row: an error, a warning when the sheet is empty', () => {
    const reading = readProjects(sheet('Projets', [['Liste des projets'], ['à compléter']]), {
      years: YEARS,
    });
    expect(reading.layout).toBeNull();
    expect(codes(reading.issues, 'error')).toEqual(['header.notFound']);
    const empty = readProjects(sheet('Projets', [[null, ''], []]), { years: YEARS });
    expect(codes(empty.issues, 'warning')).toEqual(['header.notFound']);
  });

  it('reports each copy of a duplicate No and reads the first row only', () => {
    const reading = readProjects(
      sheet('Projets', [
        ['No', 'Titre'],
        ['P-001', 'Cuisines collectives'],
        ['P-002', 'Logemen’mêle'],
        ['p-001', 'Cuisines collectives (copie)'],
      ]),
      { years: YEARS },
    );
    expect(reading.projects.map((p) => p.title)).toEqual(['Cuisines collectives', 'Logemen’mêle']);
    expect(at(reading.issues)).toEqual(['project.duplicateId@A2', 'project.duplicateId@A4']);
    expect(reading.issues[0].params?.cells).toEqual(['A2', 'A4']);
  });

  it('reports amounts: text that parses (warning), text that does not (error, 0), negative (error)', () => {
    const reading = readProjects(
      sheet('Projets', [
        ['No', 'Demandé 2020-2021', 'Demandé 2021-2022', 'Coût total'],
        ['P-001', '89 598 $', 'beaucoup', -5000],
      ]),
      { years: YEARS },
    );
    const [project] = reading.projects;
    expect(project.requestedCents).toEqual({ '2020-2021': 8_959_800, '2021-2022': 0 });
    expect(project.totalCostCents).toBe(-500_000);
    expect(reading.issues.map((i) => `${i.severity}:${i.code}@${i.cell}`)).toEqual([
      'warning:cell.moneyAsText@B2',
      'error:money.invalid@C2',
      'error:cell.moneyNegative@D2',
    ]);
  });

  it('marks a typed date it cannot read, apart from a blank one', () => {
    const reading = readProjects(
      sheet('Projets', [
        ['No', 'Début', 'Fin'],
        ['P-001', '04/03/2021', null],
        ['P-002', '2021-04-01', '2022-03-31'],
      ]),
      { years: YEARS },
    );
    expect(reading.projects.map((p) => [p.start, p.end, p.unreadableDates])).toEqual([
      [null, null, ['start']],
      ['2021-04-01', '2022-03-31', undefined],
    ]);
    expect(reading.issues.filter((i) => i.severity === 'error').map((i) => i.cell)).toEqual(['B2']);
  });

  it('reports formula errors naming the cell, and reads a formula’s value', () => {
    const reading = readProjects(
      sheet(
        'Projets',
        [
          ['No', 'Titre', 'Coût total', 'Demandé 2020-2021'],
          ['P-001', '#N/A', 120_000, '#REF!'],
        ],
        { formulas: [[], [null, '=VLOOKUP(A2,Liste!A:B,2,FALSE)', '=SUM(80000,40000)', '=Feuil2!B4']] },
      ),
      { years: YEARS },
    );
    expect(reading.projects[0]).toMatchObject({ title: '', totalCostCents: 12_000_000, requestedCents: {} });
    expect(reading.issues.map((i) => [i.code, i.cell, i.params?.value])).toEqual([
      ['cell.errorValue', 'B2', '#N/A'],
      ['cell.errorValue', 'D2', '#REF!'],
    ]);
    expect(reading.issues[0].params?.formula).toBe('=VLOOKUP(A2,Liste!A:B,2,FALSE)');
  });

  it('reads decisions without case or accents and reports unknown ones', () => {
    const reading = readProjects(
      sheet('Projets', [
        ['No', 'Décision'],
        [1, 'REFUSÉ'],
        [2, 'retire'],
        [3, 'Peut-être'],
      ]),
      { years: YEARS },
    );
    expect(reading.projects.map((p) => p.decision)).toEqual(['Refusé', 'Retiré', null]);
    expect(at(reading.issues)).toEqual(['project.decisionUnknown@B4']);
  });

  it('reports dates that cannot be read, and reads « Mars 2022 » as an end of month', () => {
    const reading = readProjects(
      sheet('Projets', [
        ['No', 'Début', 'Fin'],
        ['P-001', 'bientôt', 'Mars 2022'],
      ]),
      { years: YEARS },
    );
    expect(reading.projects[0]).toMatchObject({ start: null, end: '2022-03-31' });
    expect(reading.issues.map((i) => `${i.severity}:${i.code}@${i.cell}`)).toEqual([
      'error:date.invalid@B2',
      'warning:cell.dateAsText@C2',
    ]);
  });

  it('warns about a Demandé column outside the program years and about duplicate headers', () => {
    const reading = readProjects(
      sheet('Projets', [
        ['No', 'Demandé 2023-2024', 'Titre', 'titre :'],
        ['P-001', 10_000, 'Cuisines', 'autre'],
      ]),
      { years: YEARS },
    );
    expect(at(reading.issues)).toEqual(['header.yearOutsideProgram@B1', 'header.duplicate@D1']);
    expect(reading.projects[0].title).toBe('Cuisines');
  });

  it('reports a row without No and does not read it', () => {
    const reading = readProjects(
      sheet('Projets', [
        ['No', 'Titre'],
        [null, 'Projet orphelin'],
      ]),
      { years: YEARS },
    );
    expect(reading.projects).toEqual([]);
    expect(at(reading.issues)).toEqual(['cell.idMissing@A2']);
  });

  it('copes with 10 000-character cells', () => {
    const long = 'Saint-Pie; '.repeat(1000);
    const reading = readProjects(
      sheet('Projets', [
        ['No', 'Titre', 'Municipalités', 'Coût total', 'Décision', 'Début'],
        ['P-001', 'x'.repeat(10_000), long, '9'.repeat(10_000), 'é'.repeat(10_000), '1'.repeat(10_000)],
      ]),
      { years: YEARS },
    );
    expect(reading.projects[0].title).toHaveLength(10_000);
    expect(reading.projects[0].municipalities).toHaveLength(1000);
    for (const found of reading.issues)
      expect(String(found.params?.value ?? '').length).toBeLessThanOrEqual(80);
    expect(codes(reading.issues, 'error').sort()).toEqual([
      'date.invalid',
      'money.invalid',
      'project.decisionUnknown',
    ]);
  });
});

describe('readProjects on an Excel Table', () => {
  const rows = [
    ['Projets déposés'],
    ...Array.from({ length: 24 }, () => [null]),
    PROJECT_HEADERS,
    projectRow({ No: 'P-001', Titre: 'Cuisines collectives', Municipalités: 'Saint-Pie' }),
    projectRow({ No: 'Total', 'Coût total': 120_000 }),
  ];

  it('takes the Table’s header row, however far down, and skips its totals row', () => {
    const grid = { ...sheet('Projets', rows), tables: [{ name: 'Projets', headerRow: 25, totalsRow: 27 }] };
    const reading = readProjects(grid, { years: YEARS });
    expect(reading.projects.map((p) => p.id)).toEqual(['P-001']);
    expect(reading.layout?.headerRow).toBe(25);
  });

  it('without the Table (a host that reads none), the totals row reads as a project', () => {
    const reading = readProjects(sheet('Projets', rows), { years: YEARS });
    expect(reading.projects.map((p) => p.id)).toEqual(['P-001', 'Total']);
  });
});
