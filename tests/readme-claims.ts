/**
 * README's claims about the figures, each with the tests that prove it: a
 * claim is a passage of README (exact text), a test is a file and the name of
 * an `it(…)` in it. tests/unit/readme.test.ts fails when a claim is no longer
 * in README or names a test that does not exist. A sentence added to README
 * about what the figures mean belongs here.
 */
export const README_CLAIMS: readonly { claim: string; tests: readonly (readonly [file: string, name: string])[] }[] = [
  {
    claim: "the page's own start carries no report\n  reader: the import's code fetches its CSV parser only for an import with\n  a manifest",
    tests: [['tests/unit/browser-imports.test.ts', 'the page’s import code, which every page loads at its start, reaches no report reader until an import runs']],
  },
  {
    claim: "Each report's cells go to its year's spill file in the staging folder as\n  they are read",
    tests: [
      ['tests/unit/year-cells.test.ts', 'write each year in files read back the same as one table of cells held in memory'],
      ['tests/unit/year-cells.test.ts', 'sum the same measures, in dataset order, as reports held in memory'],
      ['tests/unit/year-cells.test.ts', 'a report whose texts are long (an ambiguous row’s unplaced figures) is read back whole'],
    ],
  },
  {
    claim: "A manifest is not held to a\n  report's 20 MB limit",
    tests: [['tests/unit/manifest.test.ts', 'a country’s manifest (a million lines, larger than any report may be) is read whole']],
  },
  {
    claim: 'a port already taken (a dashboard already\nrunning) is said at once, in one line',
    tests: [['tests/integration/start.test.ts', 'a port already in use (a dashboard already running): one line saying so and what to do, at once, no stack trace']],
  },
  {
    claim: 'with the same counting rules as the site (one report per body and year; no\nregion-wide report beside the reports it sums)',
    tests: [
      ['tests/integration/outside-browser.test.ts', 'README’s DuckDB query counts as the site counts: one report per body and year, no region-wide report'],
      ['tests/integration/outside-browser.test.ts', 'gives what the site’s own overview query gives over the same files'],
    ],
  },
  {
    claim: 'A trend whose measure changed meaning with the 2021 template shades the years\nfrom it',
    tests: [
      ['tests/unit/export.test.ts', 'a trend across the 2021 template change marks the years from it; one that does not reach across has no mark'],
      ['tests/unit/export.test.ts', '其他处理’s reasons mark 2021, where one row became three; reasons that did not change are not marked'],
    ],
  },
  {
    claim: 'legend\nshows every series, wrapped to the chart\'s width on a phone, never paged',
    tests: [['tests/unit/export.test.ts', 'the legend shows every series, wrapped to the chart’s width, with the plot below its lines (never paged)']],
  },
  {
    claim: 'Every\npage\'s foot says when the data was built (数据截至',
    tests: [
      ['tests/e2e/dashboard.suite.ts', 'overview: KPI cards for the last year and trend charts with the data'],
      ['tests/e2e/dashboard.suite.ts', 'requests: applicant types stacked, the seed’s unplaceable split as 未区分'],
    ],
  },
  {
    claim: 'findings name cells in the template\'s words',
    tests: [
      ['tests/unit/seed.test.ts', 'says which rules its flattened rows leave unchecked: every applicant column, every row, never a silent pass'],
      ['tests/unit/bad-input.test.ts', 'a truncated t3: the rows read are kept, the rest listed as CELLS_MISSING'],
    ],
  },
  {
    claim: 'Every page is written at build time as\nits shell',
    tests: [['tests/e2e/dashboard.suite.ts', 'with JavaScript off, the page shell shows: title, navigation, the page’s heading and what it needs']],
  },
  {
    claim: 'them against `npm run ingest` over the same files, byte for byte',
    tests: [
      ['tests/integration/import-merge.test.ts', 'give the very files an ingest of all the reports writes: Parquet byte for byte, dataset.json, first view, sources'],
      ['tests/integration/import-merge.test.ts', 'a report that replaces one of the site’s gives what an ingest without the replaced file writes'],
    ],
  },
  {
    claim: 'nothing is added until each is decided',
    tests: [
      ['tests/e2e/import.suite.ts', 'a folder with its manifest: each file read, failed or asking; added, the figures change by the imported report; kept over a reload; removed, back'],
      ['tests/e2e/import.suite.ts', 'a duplicate replaced: the site’s report leaves the sums, the imported one counts'],
    ],
  },
  {
    claim: '只看本站数据 /\n  只看导入的报告',
    tests: [
      ['tests/unit/report-source.test.ts', 'SQL, the yearly cube and the bodies’ own rows give the same sums for each source'],
      ['tests/e2e/import.suite.ts', '导出数据集: a zip of the dataset shown, an imported PDF included; the report-source filter'],
    ],
  },
  {
    claim: 'one with the most cells read counts',
    tests: [
      ['tests/unit/sums.test.ts', 'the draft is the one left out, naming the report that counts'],
      ['tests/unit/sums.test.ts', '2022: four reports, 新收申请 131 + 29 + 29 + 29 = 218 (not 247 with the draft), 办理总计 132 + 30 + 30 = 192'],
    ],
  },
  {
    claim: '**Never a consolidated report with the reports it sums**',
    tests: [
      ['tests/unit/manifest.test.ts', 'kind as people write it: Consolidated, 合并报告, 汇总 are consolidated; anything else is refused'],
      ['tests/unit/queries.test.ts', 'sums each measure per year over the bodies’ own reports; the consolidated report is not added'],
    ],
  },
  {
    claim: 'Each page says what its sums left out',
    tests: [
      ['tests/unit/sums.test.ts', 'says what it left out: one duplicate, one consolidated report'],
      ['tests/e2e/sums.suite.ts', 'overview: 新收申请 218, 实质公开率 108 / 192 with the partial report left out, and a note naming what sums left out'],
    ],
  },
  {
    claim: "**A rate's part and base come from the same reports**",
    tests: [
      ['tests/unit/sums.test.ts', '实质公开率 2022 = (59 + 13 + 15 + 3 + 15 + 3) / (132 + 30 + 30) = 108 / 192, the partial report left out'],
      ['tests/unit/sums.test.ts', 'a rate with an unknown part is no rate, not 0 %'],
      ['tests/integration/demo.test.ts', 'prepared-overview.json holds the yearly cube DuckDB gives over the same dataset, and the overview’s rows sum from it'],
    ],
  },
  {
    claim: 'come from a second cube the ingest prepares',
    tests: [
      ['tests/integration/demo.test.ts', 'prepared-overview.json’s cell cube gives the applicant split, the outcomes’ reasons and t4’s results as the SQL over the summary cells does, for any filters but bodies'],
      ['tests/integration/ingest.test.ts', 'writes one Parquet file per year of cells and one of their summary, reports, measures, findings, a description, the prepared overview and the sources'],
    ],
  },
  {
    claim: "their top bodies, and 办理结果's reasons per\n  body, from the reports held in the page",
    tests: [
      ['tests/unit/queries.test.ts', 'the same from every report’s measures held in the page (a change of filters asks no query), ties and all'],
      ['tests/integration/demo.test.ts', 'the top bodies from every report’s measures held in the page are the SQL’s, 15 of 24 bodies a year'],
    ],
  },
  {
    claim: 'in a hive-style partition folder per year',
    tests: [
      ['tests/integration/outside-browser.test.ts', 'the cells files are hive-style partitions: each cell’s year, taken from its folder, is its report’s'],
      ['tests/integration/ingest.test.ts', 'a new dataset replaces the old one, years it no longer has included'],
    ],
  },
  {
    claim: '**100 % stacked charts say their base**',
    tests: [
      ['tests/unit/export.test.ts', 'a 100 % stack says each share’s base: n under the category, small bases faint, count and n in the tooltip'],
      ['tests/e2e/sums.suite.ts', 'outcomes: the 100 % stack says each year’s base and each share’s count'],
    ],
  },
  {
    claim: "- **Columns**: t2's are mapped by its header's words",
    tests: [
      ['tests/unit/trailing-blanks.test.ts', '采购项目数量 | 采购总金额（元） without 信息内容 is a header: its 元 converts the amount, with no guess'],
      ['tests/unit/trailing-blanks.test.ts', 'columns in another order are mapped by their words: 采购总金额（万元） | 采购项目数量'],
      ['tests/unit/html-reports.test.ts', 'extracts every cell of its version exactly (rowspan/colspan, &nbsp;, <br>, brackets, signs, 元 → 万元)'],
    ],
  },
  {
    claim: '**each table is read and checked against its own version**',
    tests: [
      ['tests/unit/versions.test.ts', 'a 2022 report with a 2019-style t2 and a 2021-style t3 is read as 2021, and VERSION_MIX says which table follows which'],
      ['tests/unit/versions.test.ts', 'each table is complete against its own version: the 2019 t2 cells are read, its 2021 cells are not in its template, nothing is missing'],
      ['tests/unit/versions.test.ts', 'a broken sum in a mixed report is still found: T3_HANDLED_SUM over the 2021 rows its t3 has'],
      ['tests/unit/versions.test.ts', 'a 2021 report whose t3 gives （六）其他处理 as one row (2019’s) is checked against 2019’s t3: no cell missing, its sums checked'],
    ],
  },
  {
    claim: 'An amount too large for its unit is stored as its unit says and flagged',
    tests: [
      ['tests/unit/plausibility.test.ts', 'a 2021 fee written in 元 under the template’s （单位：万元） header: the header’s unit is used, and the value flagged'],
      ['tests/unit/plausibility.test.ts', 'a 2019 procurement of 3500000 or 52345500.00 with no unit: read as 万元 (the 8-digit rule skips decimals), and flagged'],
      ['tests/unit/plausibility.test.ts', 'within the national range but 20 亿元 per project: 3 projects, 600000 万元'],
      ['tests/unit/plausibility.test.ts', 'against the body’s other years: 2023’s fee 10,000 times 2021’s and 2022’s'],
    ],
  },
  {
    claim: 'Then a row\nas wide holds its own blank cells',
    tests: [
      ['tests/unit/trailing-blanks.test.ts', 'a blank 总计 (`… | 1 | 1 | `) in a table of whole rows: the six figures keep their columns, 总计 is blank'],
      ['tests/unit/trailing-blanks.test.ts', 'in a padded table (every row filled out to one width, as flattening does) the last text is still 总计, the rest unplaced'],
      ['tests/unit/trailing-blanks.test.ts', 't4: a blank last 总计 under a header row naming all 15 columns'],
    ],
  },
  {
    claim: '**Rules that need an ambiguous or missing cell are not evaluated, and say so**',
    tests: [
      ['tests/unit/seed.test.ts', 'says which rules its flattened rows leave unchecked: every applicant column, every row, never a silent pass'],
      ['tests/unit/bad-input.test.ts', 'a truncated t3: the rows read are kept, the rest listed as CELLS_MISSING'],
      ['tests/e2e/sums.suite.ts', '数据质量: the rules that could not be evaluated, with how many reports'],
    ],
  },
  {
    claim: 'Long lists stop at 1,000 rows and say how many',
    tests: [['tests/unit/quality.test.ts', 'the per body and year list stops at its limit and says how many reports there are']],
  },
  {
    claim: 'the site loads a year\'s file when a page first needs it',
    tests: [
      ['tests/integration/load.test.ts', 'holds the cells as numbers, and the view cells gives back every cell of the Parquet files as written'],
      ['tests/integration/load.test.ts', 'loads a year’s cells when asked, once, and no other year’s'],
    ],
  },
  {
    claim: 'the site refuses another, saying to run the ingest of the same version again',
    tests: [['tests/integration/load.test.ts', 'a dataset of another schema version is refused before anything is loaded, saying what to do']],
  },
  {
    claim: 'No server configuration is needed: every page is a folder with its own',
    tests: [
      ['tests/e2e/dashboard.suite.ts', 'every page is a folder with its own index.html: no page needs a rewrite to requests.html'],
      ['tests/e2e/dashboard.suite.ts', 'a reload or a shared link of any page loads, with or without its closing /, the query kept'],
    ],
  },
  {
    claim: 'When the engine cannot start, the page says so within seconds instead of\nloading forever',
    tests: [
      ['tests/e2e/dashboard.suite.ts', 'a blocked .wasm: within seconds, one sentence naming the file and what IT should check; no advice to run the ingest'],
      ['tests/e2e/dashboard.suite.ts', 'a blocked engine worker script: named the same way'],
      ['tests/e2e/dashboard.suite.ts', 'the Parquet decoder’s .wasm blocked (its own worker): the load ends with the file named, not a spinner'],
    ],
  },
  {
    claim: 'A server that\nserves `.wasm` under another type',
    tests: [['tests/e2e/dashboard.suite.ts', '.wasm served as application/octet-stream or text/plain (a server that does not know the type): the site works all the same']],
  },
  {
    claim: 'every page fits a 360 px screen with no sideways scroll',
    tests: [['tests/e2e/dashboard.suite.ts', 'every page fits 360 and 390 px: no sideways scroll of the page, nothing zoomed out']],
  },
  {
    claim: 'The body list shows the chosen bodies first',
    tests: [
      ['tests/e2e/dashboard.suite.ts', 'the body list: chosen bodies first, closed by Escape (focus back on it) or a click elsewhere'],
      ['tests/e2e/dashboard.suite.ts', 'a start year after the end year cannot be chosen'],
    ],
  },
  {
    claim: 'An address the site does not have gets `404.html`',
    tests: [
      ['tests/e2e/dashboard.suite.ts', 'an address the site does not have: its 404 page, in Chinese with a title and a way back'],
      ['tests/e2e/dashboard.suite.ts', 'with JavaScript off, the page shell shows: title, navigation, the page’s heading and what it needs'],
    ],
  },
  {
    claim: "A year's summary file that cannot be read (corrupt, cut short, not uploaded)\nleaves that year out on every page",
    tests: [
      ['tests/integration/load.test.ts', 'one year’s summary file corrupt: that year is left out and named, the others load and answer as before'],
      ['tests/integration/load.test.ts', 'every summary file corrupt, or the reports, measures or findings file: the load fails, naming them'],
      ['tests/e2e/dashboard.suite.ts', 'one year’s summary file corrupt: that year is left out and named on every page, the others work'],
    ],
  },
  {
    claim: 'cells file that cannot be read fails only what needs it',
    tests: [
      ['tests/integration/load.test.ts', 'a year’s cells file corrupt: loading it fails, naming the file; the others still load'],
      ['tests/e2e/dashboard.suite.ts', 'one year’s cells file corrupt: the pages over many reports show that year; its report says which file failed'],
    ],
  },
  {
    claim: 'A report\'s page reads its own cells from its year\'s cells file in the\n  decoding worker, decoding only their stretch of it',
    tests: [
      ['tests/unit/held-reports.test.ts', 'a report’s cells read from its year’s file alone are the cells DuckDB gives'],
      ['tests/unit/held-reports.test.ts', 'a report’s cells are decoded from where the held reports place them in its year’s file, that stretch alone'],
      ['tests/integration/load.test.ts', 'loads the reports and their measures, the summary cells when asked, not the cells; reports progress up to the whole'],
      ['tests/integration/load.test.ts', 'loads a year’s cells when asked, once, and no other year’s'],
      ['tests/e2e/dashboard.suite.ts', 'pages over many reports fetch no cells file, and the cube cells only for a view that needs them; a report’s page fetches its year’s alone'],
    ],
  },
  {
    claim: '**held in the page** as they are decoded',
    tests: [
      ['tests/e2e/dashboard.suite.ts', 'a trend page is whole and answers every filter from the reports held in the page, while DuckDB is still on its way'],
      ['tests/unit/held-reports.test.ts', 'every report’s row, and every body’s reports, as the reports table gives them'],
      ['tests/unit/held-reports.test.ts', 'every report’s findings, and every body’s, in the same order'],
      ['tests/unit/sums.test.ts', 'each body’s sums per year from the reports held in the page are measuresByBodyYear’s (部门排名, 年度对比)'],
      ['tests/integration/demo.test.ts', 'every other view answered from the reports held in the page gives the SQL’s rows: reasons per body, chosen bodies’ cells, sums per body and year, what is left out, 数据质量'],
    ],
  },
  {
    claim: 'A file of an older ingest, or a damaged one, is not used',
    tests: [
      ['tests/e2e/dashboard.suite.ts', 'a damaged prepared-overview.json (a cell cube row without its cells) is no error on the page: the database answers the same figures'],
      ['tests/unit/held-quality.test.ts', 'a prepared file without the quality cube, counting other states (an older ingest) or damaged, is not read as one: the held reports answer'],
    ],
  },
  {
    claim: 'so are 数据质量\'s charts and rule tables',
    tests: [
      ['tests/unit/held-quality.test.ts', 'the quality cube the ingest prepared gives the page’s charts and rule tables the SQL’s rows for every filter but bodies, the superseded draft’s findings counted'],
      ['tests/integration/demo.test.ts', 'prepared-overview.json’s quality cube gives 数据质量’s findings by rule, cell states and unchecked rules as the SQL does, for any filters but bodies'],
      ['tests/e2e/dashboard.suite.ts', '数据质量 draws its charts and rule counts from the cube the ingest prepared, before the page holds the reports'],
    ],
  },
  {
    claim: 'draw their charts and tables from them before the\n  page holds the reports, for any filter but 报告来源',
    tests: [
      ['tests/unit/sums.test.ts', 'the body-year files the ingest wrote give measuresByBodyYear’s rows for every filter (部门排名, 年度对比 before the reports are held)'],
      ['tests/integration/demo.test.ts', 'every other view answered from the reports held in the page gives the SQL’s rows: reasons per body, chosen bodies’ cells, sums per body and year, what is left out, 数据质量'],
      ['tests/e2e/dashboard.suite.ts', '部门排名 and 年度对比 draw from the body-year files the ingest wrote, before the page holds the reports'],
    ],
  },
  {
    claim: '部门排名 and 年度对比 read the years they show and draw from them before the page holds every report',
    tests: [
      ['tests/e2e/dashboard.suite.ts', 'pages over many reports fetch no cells file, and the cube cells only for a view that needs them; a report’s page fetches its year’s alone'],
      ['tests/unit/sums.test.ts', 'the body-year files the ingest wrote give measuresByBodyYear’s rows for every filter (部门排名, 年度对比 before the reports are held)'],
      ['tests/integration/load.test.ts', 'loads the reports and their measures, the summary cells when asked, not the cells; reports progress up to the whole'],
      ['tests/e2e/dashboard.suite.ts', '部门排名 and 年度对比 draw from the body-year files the ingest wrote, before the page holds the reports'],
    ],
  },
  {
    claim: 'Each file is written into the staging folder as it is made and its bytes\n  let go',
    tests: [
      ['tests/integration/ingest.test.ts', 'an ingest killed while writing, its first files already written into staging, leaves the previous dataset as it was'],
      ['tests/integration/ingest.test.ts', 'give the same dataset, byte for byte, as one thread'],
    ],
  },
  {
    claim: 'A body\'s page reads its group\'s body-group file alone',
    tests: [
      ['tests/e2e/dashboard.suite.ts', 'a body’s page draws its trends from its group’s file, before the page holds the reports'],
      ['tests/unit/sums.test.ts', 'a body’s group file gives yearlyTotals’ and bodyKinds’ rows for a choice of bodies (a body’s page before the reports are held)'],
      ['tests/integration/demo.test.ts', 'every other view answered from the reports held in the page gives the SQL’s rows: reasons per body, chosen bodies’ cells, sums per body and year, what is left out, 数据质量'],
    ],
  },
  {
    claim: 'A body is in group FNV-1a(its name\'s UTF-16 code units) mod G',
    tests: [
      ['tests/unit/body-groups.test.ts', '600 bodies in 3 groups (256 a group at most), each body in its own group for every year, the superseded draft in none'],
      ['tests/unit/body-groups.test.ts', 'a file of another group or another count of groups, or with a damaged year, is not read as the body’s'],
    ],
  },
  {
    claim: 'all of 数据质量 (`queries/held-quality.ts`)',
    tests: [
      ['tests/unit/held-quality.test.ts', 'every table and chart of the page gives the rows of its query, for any filters, limits and rule'],
      ['tests/unit/held-quality.test.ts', 'by hand: 浙江省生态环境厅’s 2022 report has 6 errors, its four T3_ROW_SUM findings listed first'],
      ['tests/e2e/dashboard.suite.ts', 'a trend page is whole and answers every filter from the reports held in the page, while DuckDB is still on its way'],
    ],
  },
  {
    claim: 'The page reads it when a view first needs it',
    tests: [
      ['tests/integration/ingest.test.ts', 'cube-cells.parquet: each report’s cells of the cell cube, as its tables say'],
      ['tests/integration/load.test.ts', 'loads the reports and their measures, the summary cells when asked, not the cells; reports progress up to the whole'],
      ['tests/e2e/dashboard.suite.ts', 'a trend page is whole and answers every filter from the reports held in the page, while DuckDB is still on its way'],
      ['tests/unit/queries.test.ts', 'the same from every report’s measures held in the page (a change of filters asks no query), ties and all'],
    ],
  },
  {
    claim: '**One definition of each measure.**',
    tests: [
      ['tests/integration/demo.test.ts', 'the summaries the ingest wrote (measures, summary cells, cell states) are the sums of the cells they summarise'],
      ['tests/integration/load.test.ts', 'a dataset whose measures were summed by other definitions is refused, saying what to do'],
    ],
  },
  {
    claim: 'Many bodies chosen are packed into one `bodies` parameter',
    tests: [
      ['tests/unit/export.test.ts', '300 bodies make a short link: their names packed in one parameter, read back the same'],
      ['tests/e2e/dashboard.suite.ts', 'a link with 300 bodies chosen stays short enough for the server, and opens with all 300'],
    ],
  },
  {
    claim: "replace the filter's year range (whose boxes are not shown there)",
    tests: [['tests/e2e/analyses.suite.ts', 'every metric for the selection, the meaning change and the missing template said so']],
  },
];
