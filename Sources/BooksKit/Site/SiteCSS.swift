/// The site's one style sheet: light and dark, phone to wide screen, and print.
enum SiteCSS {
  static let style = """
    :root {
      --fg: #17202e; --muted: #566173; --bg: #f6f7f9; --panel: #ffffff; --sunk: #eef1f5;
      --line: #dde2ea; --accent: #1f4fbf; --accent-soft: #e6edfb; --neg: #b3261e;
      --ok: #1b7a43; --ok-soft: #e3f4ea; --warn: #9a5b00; --warn-soft: #fdf0dc;
      --bad-soft: #fbe6e4; --bar-0: #2e6be6; --bar-1: #e0793a;
      --radius: 10px; --shadow: 0 1px 2px rgba(16, 24, 40, .06), 0 1px 3px rgba(16, 24, 40, .08);
    }
    @media (prefers-color-scheme: dark) {
      :root {
        --fg: #e7eaf0; --muted: #a5afbf; --bg: #101318; --panel: #171b22; --sunk: #1e232c;
        --line: #2d3440; --accent: #8db0ff; --accent-soft: #1f2a44; --neg: #ff8a80;
        --ok: #7ad39c; --ok-soft: #173226; --warn: #f2b866; --warn-soft: #3a2a12;
        --bad-soft: #3b1c1a; --bar-0: #6f9bff; --bar-1: #f09a62; --shadow: none;
      }
    }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", sans-serif;
      color: var(--fg); background: var(--bg); }
    a { color: var(--accent); text-decoration: none; }
    a:hover, a:focus-visible { text-decoration: underline; }
    :focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
    .skip { position: absolute; left: -999px; top: 0; background: var(--panel); padding: .5rem 1rem; z-index: 2; }
    .skip:focus { left: .5rem; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

    header.site { background: var(--panel); border-bottom: 1px solid var(--line); }
    .brand { display: flex; align-items: baseline; gap: .8rem; padding: .9rem 1.5rem .3rem; max-width: 90rem; margin: 0 auto; }
    .brand a { font-weight: 700; font-size: 1.1rem; color: var(--fg); letter-spacing: -.01em; }
    .asof { color: var(--muted); font-size: .85rem; margin-left: auto; white-space: nowrap; }
    header.site nav { max-width: 90rem; margin: 0 auto; padding: 0 1.5rem .5rem; }
    header.site nav > ul { display: flex; flex-wrap: wrap; gap: .2rem 1.4rem; list-style: none; margin: 0; padding: 0; }
    header.site nav .group { display: flex; align-items: center; gap: .3rem; white-space: nowrap; }
    header.site nav .group > span { font-size: .7rem; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); margin-right: .2rem; }
    header.site nav .group ul { display: flex; gap: .15rem; list-style: none; margin: 0; padding: 0; }
    header.site nav a { display: block; padding: .3rem .55rem; border-radius: 6px; color: var(--fg); font-size: .9rem; }
    header.site nav a:hover { background: var(--sunk); text-decoration: none; }
    header.site nav a[aria-current="page"] { background: var(--accent-soft); color: var(--accent); font-weight: 600; }

    main { max-width: 90rem; margin: 0 auto; padding: 1.2rem 1.5rem 2.5rem; }
    .head { margin: .4rem 0 1.2rem; }
    .crumbs { margin: 0 0 .2rem; font-size: .85rem; color: var(--muted); }
    h1 { margin: 0; font-size: 1.7rem; letter-spacing: -.02em; line-height: 1.2; }
    .sub { margin: .3rem 0 0; color: var(--muted); }
    h2 { font-size: 1.1rem; margin: 1.8rem 0 .7rem; }
    h3 { font-size: .95rem; margin: 0 0 .4rem; }
    h4 { font-size: .95rem; margin: 0; }
    main > section, main > .calendar { margin-bottom: .5rem; }
    .note, .none { color: var(--muted); }
    .none { font-style: italic; }
    .more { color: var(--muted); margin: .7rem 0 0; }
    .neg { color: var(--neg); }
    .count { display: inline-block; min-width: 1.5rem; padding: 0 .4rem; border-radius: 99px; background: var(--sunk);
      color: var(--muted); font-size: .8rem; font-weight: 600; text-align: center; }

    .tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); gap: .75rem; margin: 0; }
    .tile { background: var(--panel); border: 1px solid var(--line); border-radius: var(--radius); padding: .8rem 1rem; box-shadow: var(--shadow); }
    .tile dt { color: var(--muted); font-size: .8rem; }
    .tile dd { margin: .15rem 0 0; font-size: 1.2rem; font-weight: 650; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }

    .scroll { overflow-x: auto; background: var(--panel); border: 1px solid var(--line); border-radius: var(--radius); box-shadow: var(--shadow); }
    table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
    th, td { padding: .5rem .75rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
    tbody tr:last-child td { border-bottom: 0; }
    thead th { font-size: .78rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); font-weight: 600; background: var(--sunk); }
    .num { text-align: right; white-space: nowrap; }
    tfoot td { font-weight: 650; border-top: 2px solid var(--line); border-bottom: 0; }
    tbody tr:hover td { background: var(--sunk); }

    .board { display: grid; grid-auto-flow: column; grid-auto-columns: minmax(13.5rem, 1fr); gap: .9rem; overflow-x: auto; align-items: start; padding-bottom: .4rem; }
    .lane { background: var(--sunk); border-radius: var(--radius); padding: .8rem; min-width: 0; }
    .lane h3 { display: flex; justify-content: space-between; align-items: center; }
    .sum { margin: 0 0 .6rem; color: var(--muted); font-size: .82rem; }
    .sum span { margin-right: .6rem; white-space: nowrap; }
    .sum b { color: var(--fg); }
    .cards { list-style: none; margin: 0; padding: 0; display: grid; gap: .55rem; }
    .card { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: .6rem .75rem; box-shadow: var(--shadow); }
    .card .id { display: block; color: var(--muted); font-size: .75rem; margin-bottom: .3rem; }
    .card dl { margin: .3rem 0 0; font-size: .84rem; }
    .card dl div { display: flex; justify-content: space-between; gap: .6rem; padding: .05rem 0; }
    .card dt { color: var(--muted); }
    .card dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }
    .lane-overdue h3, .lane-high h3, .lane-expired h3 { color: var(--neg); }
    .lane-paid h3, .lane-accepted h3, .lane-completed h3 { color: var(--ok); }

    .badge { display: inline-block; padding: .05rem .5rem; border-radius: 99px; font-size: .78rem; font-weight: 600; background: var(--sunk); color: var(--muted); white-space: nowrap; }
    .badge.paid, .badge.accepted { background: var(--ok-soft); color: var(--ok); }
    .badge.overdue, .badge.declined { background: var(--bad-soft); color: var(--neg); }
    .badge.sent, .badge.partially-paid { background: var(--warn-soft); color: var(--warn); }

    .details { display: grid; grid-template-columns: max-content 1fr; gap: .45rem 1.2rem; margin: 0; background: var(--panel);
      border: 1px solid var(--line); border-radius: var(--radius); padding: 1rem 1.2rem; box-shadow: var(--shadow); }
    .details div { display: contents; }
    .details dt { color: var(--muted); }
    .details dd { margin: 0; overflow-wrap: anywhere; }

    .progress { display: flex; align-items: center; gap: .6rem; min-width: 9rem; }
    .progress .track { flex: 1; height: .5rem; background: var(--sunk); border-radius: 99px; overflow: hidden; border: 1px solid var(--line); }
    .progress .track span { display: block; height: 100%; background: var(--accent); border-radius: 99px; }
    .progress.done .track span { background: var(--ok); }
    .progress .pct { font-variant-numeric: tabular-nums; font-size: .85rem; white-space: nowrap; min-width: 4.5rem; text-align: right; }
    .completion .progress { max-width: 36rem; }
    .goals { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: .8rem; }
    .goal { background: var(--panel); border: 1px solid var(--line); border-radius: var(--radius); padding: .9rem 1rem; box-shadow: var(--shadow); }
    .goal h3 { margin-bottom: .6rem; }
    .goal .figures { margin: .4rem 0 0; color: var(--muted); font-size: .85rem; font-variant-numeric: tabular-nums; }

    .chart-box { margin-bottom: 1rem; }
    .chart-box .scroll { padding: .8rem; }
    .chart { display: block; width: 100%; min-width: 36rem; height: auto; }
    .chart .grid { stroke: var(--line); stroke-width: 1; }
    .chart text { fill: var(--muted); font: 11px system-ui, sans-serif; }
    .chart .s0 { fill: var(--bar-0); }
    .chart .s1 { fill: var(--bar-1); }

    .sections { margin-top: 2.5rem; }
    .directories { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: .9rem; }
    .directory { background: var(--panel); border: 1px solid var(--line); border-radius: var(--radius); padding: 1rem 1.1rem; box-shadow: var(--shadow); }
    .directory h3 { text-transform: uppercase; letter-spacing: .08em; font-size: .75rem; color: var(--muted); }
    .directory ul { list-style: none; margin: 0; padding: 0; }
    .directory li { padding: .35rem 0; border-top: 1px solid var(--line); }
    .directory li:first-child { border-top: 0; }
    .directory li a { font-weight: 600; }
    .directory li p { margin: .1rem 0 0; color: var(--muted); font-size: .85rem; }

    .pager { display: flex; flex-wrap: wrap; gap: .5rem 1rem; justify-content: space-between; margin: 0 0 .6rem; }
    .pager a[rel="next"] { margin-left: auto; }
    table.month { table-layout: fixed; background: var(--panel); border: 1px solid var(--line); border-radius: var(--radius); border-collapse: separate; border-spacing: 0; overflow: hidden; box-shadow: var(--shadow); }
    .month th { text-align: center; }
    .month td { height: 6.2rem; border-right: 1px solid var(--line); padding: .35rem .45rem; }
    .month td:last-child { border-right: 0; }
    .month tbody tr:last-child td { border-bottom: 0; }
    .month tbody tr:hover td { background: transparent; }
    .month .out { background: var(--sunk); }
    .month .day .wd { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .month .day .n { font-weight: 600; color: var(--muted); font-size: .85rem; }
    .month .today .n { background: var(--accent); color: var(--panel); border-radius: 99px; padding: 0 .45rem; }
    .month ul { list-style: none; margin: .25rem 0 0; padding: 0; font-size: .8rem; }
    .month li { margin-bottom: .2rem; background: var(--accent-soft); border-radius: 5px; padding: .1rem .35rem; overflow-wrap: anywhere; }
    .month time, .agenda time, .meetings time { color: var(--muted); font-variant-numeric: tabular-nums; }
    .months { list-style: none; margin: 0; padding: 0; }
    .months li { padding: .3rem 0; }
    .months li span { font-weight: 600; margin-right: .6rem; }
    .months a { margin-right: .5rem; }
    .meetings { list-style: none; margin: 0; padding: 0; background: var(--panel); border: 1px solid var(--line); border-radius: var(--radius); box-shadow: var(--shadow); }
    .meetings li { padding: .5rem .9rem; border-top: 1px solid var(--line); display: flex; gap: .8rem; }
    .meetings li:first-child { border-top: 0; }
    .meetings time { min-width: 8.5rem; }
    .week { display: grid; gap: .7rem; }
    .week { gap: .5rem; }
    .week .day { display: flex; flex-wrap: wrap; align-items: baseline; gap: .2rem 1.2rem; background: var(--panel); border: 1px solid var(--line);
      border-radius: var(--radius); padding: .6rem 1rem; box-shadow: var(--shadow); }
    .week .day > h2 { flex: 0 0 13rem; }
    .week .day > p, .week .day > ul { flex: 1 1 20rem; margin: 0; }
    .week .day.today { border-color: var(--accent); }
    .week h2 { margin: 0; font-size: 1rem; }
    .week h2 time { color: var(--muted); font-weight: 400; margin-left: .3rem; }
    .agenda { list-style: none; margin: 0; padding: 0; }
    .agenda li { padding: .25rem 0; display: flex; flex-wrap: wrap; gap: .2rem .7rem; }
    .agenda time { min-width: 6.5rem; }
    .agenda .with { color: var(--muted); font-size: .88rem; }
    .todo { list-style: none; margin: 0; padding: 0; background: var(--panel); border: 1px solid var(--line); border-radius: var(--radius); box-shadow: var(--shadow); }
    .todo li { display: flex; gap: .7rem; align-items: baseline; padding: .5rem .9rem; border-top: 1px solid var(--line); }
    .todo li:first-child { border-top: 0; }
    .todo .box { flex: none; display: inline-flex; align-items: center; justify-content: center; width: 1.1rem; height: 1.1rem;
      border: 1.5px solid var(--muted); border-radius: 4px; font-size: .8rem; line-height: 1; }
    .todo .done .box { background: var(--ok); border-color: var(--ok); color: var(--panel); }
    .todo .done { color: var(--muted); text-decoration: line-through; }

    footer.site { max-width: 90rem; margin: 0 auto; padding: 1rem 1.5rem 2rem; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--line); }

    @media (max-width: 44rem) {
      body { font-size: 15px; }
      .brand, header.site nav, main, footer.site { padding-left: .9rem; padding-right: .9rem; }
      header.site nav > ul { flex-direction: column; flex-wrap: nowrap; gap: .1rem; }
      header.site nav .group { overflow-x: auto; }
      header.site nav .group > span { min-width: 3.6rem; }
      header.site nav a { padding: .25rem .45rem; }
      h1 { font-size: 1.4rem; }
      .tiles { grid-template-columns: repeat(2, minmax(0, 1fr)); gap: .5rem; }
      .tile { padding: .6rem .7rem; }
      .tile dd { font-size: 1.05rem; }
      .board { grid-auto-flow: row; grid-auto-columns: auto; }
      .details { grid-template-columns: 1fr; gap: .1rem; }
      .details dd { margin-bottom: .5rem; }
      table.month, .month thead, .month tbody, .month tr { display: block; border: 0; box-shadow: none; background: transparent; }
      .month thead, .month .out, .month .empty { display: none; }
      .month td { display: block; height: auto; border: 1px solid var(--line); border-radius: 8px; margin-bottom: .4rem; background: var(--panel); }
      .month td:last-child { border-right: 1px solid var(--line); }
      .month .day .wd { position: static; width: auto; height: auto; clip: auto; font-weight: 600; }
      .month .day .n { display: none; }
      .meetings li { flex-direction: column; gap: 0; }
    }
    @media print {
      :root { --bg: #fff; --panel: #fff; --sunk: #f3f3f3; --shadow: none; }
      body { font-size: 10pt; }
      header.site nav, .skip, .pager { display: none; }
      main { padding: 0; max-width: none; }
      .scroll { overflow: visible; border: 0; }
      .board { grid-auto-flow: row; grid-template-columns: repeat(3, 1fr); }
      .lane, .card, .tile, .goal, tr { break-inside: avoid; }
      a { color: inherit; }
    }

    """
}
