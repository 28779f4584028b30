// lst-tracker dashboard. Every figure shown comes from the JSON API as the API computed it: this page
// only formats and plots (shares, APRs and indices are never recomputed here).
(function () {
  'use strict';

  const RANGES = {
    '7d': { days: 7, interval: '1h' },
    '30d': { days: 30, interval: '6h' },
    '90d': { days: 90, interval: '1d' },
    '1y': { days: 365, interval: '1d' },
    'all': { from: '2020-11-01', interval: '1w' },
  };
  const THRESHOLDS = [0.25, 1 / 3, 0.5, 2 / 3];
  const PALETTE = ['#4ea1ff', '#f0b429', '#3fb950', '#ef5350', '#ab7df8', '#39c5cf', '#ff8c42', '#e86bb0',
    '#9bd34b', '#c9a66b', '#7a8ca0', '#5b6cff'];
  const charts = {};
  let range = '30d';
  let pools = [];

  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (k === 'class') node.className = v; else if (k === 'text') node.textContent = v; else node.setAttribute(k, v);
    });
    children.forEach((c) => node.append(c));
    return node;
  }

  async function api(path) {
    const response = await fetch(path, { headers: { Accept: 'application/json' } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new Error((body && body.message) || (path + ': HTTP ' + response.status));
    }
    return body;
  }

  function window_() {
    const r = RANGES[range];
    const to = new Date();
    const from = r.from ? new Date(r.from + 'T00:00:00Z') : new Date(to.getTime() - r.days * 86400e3);
    return { from: from.toISOString(), to: to.toISOString(), interval: r.interval };
  }

  function query(w) {
    return 'from=' + encodeURIComponent(w.from) + '&to=' + encodeURIComponent(w.to) + '&interval=' + w.interval;
  }

  // Formatting only: the API's decimal strings are exact; the page rounds them for reading.
  function num(text, digits) {
    if (text === null || text === undefined) return '–';
    const value = Number(text);
    return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  }
  function pct(fractionText, digits) {
    if (fractionText === null || fractionText === undefined) return '–';
    return (Number(fractionText) * 100).toFixed(digits === undefined ? 2 : digits) + '%';
  }
  function ago(iso) {
    if (!iso) return '–';
    const s = Math.round((Date.now() - Date.parse(iso)) / 1000);
    if (s < 90) return s + ' s ago';
    if (s < 5400) return Math.round(s / 60) + ' min ago';
    if (s < 129600) return Math.round(s / 3600) + ' h ago';
    return Math.round(s / 86400) + ' d ago';
  }
  function color(id) {
    const i = pools.findIndex((p) => p.id === id);
    return PALETTE[(i < 0 ? 0 : i) % PALETTE.length];
  }

  function showError(container, error) {
    container.replaceChildren(el('div', { class: 'empty', text: 'Not available: ' + error.message }));
  }

  /** Plots series that share one time axis: [{label, color, points: [[unixSeconds, value], ...]}]. */
  function plot(id, series, options) {
    const container = $(id);
    const times = Array.from(new Set(series.flatMap((s) => s.points.map((p) => p[0])))).sort((a, b) => a - b);
    const index = new Map(times.map((t, i) => [t, i]));
    const data = [times];
    let plotted = 0;
    series.forEach((s) => {
      const ys = new Array(times.length).fill(null);
      s.points.forEach(([t, v]) => { ys[index.get(t)] = v; plotted += v === null ? 0 : 1; });
      data.push(ys);
    });
    container.dataset.points = String(options.countPoints === false ? 0 : plotted);
    container.dataset.series = String(series.length);
    if (charts[id]) { charts[id].destroy(); delete charts[id]; }
    if (times.length === 0) {
      container.replaceChildren(el('div', { class: 'empty', text: 'No data in this range yet.' }));
      return;
    }
    container.replaceChildren();
    const opts = {
      width: Math.max(container.clientWidth, 280),
      height: 260,
      scales: { x: { time: true }, y: options.yRange ? { range: options.yRange } : {} },
      axes: [
        { stroke: '#8b98a5', grid: { stroke: '#2a3440' } },
        { stroke: '#8b98a5', grid: { stroke: '#2a3440' }, size: 70, values: options.yValues },
      ],
      series: [{}].concat(series.map((s) => ({
        label: s.label, stroke: s.color, width: s.width || 1.5, dash: s.dash,
        fill: s.fill, spanGaps: true, points: { show: false },
        value: options.legendValue || ((u, v) => (v === null ? '–' : v.toFixed(options.digits || 4))),
      }))),
      bands: options.bands,
      legend: { live: true },
    };
    charts[id] = new uPlot(opts, data, container);
  }

  function renderSummary(concentration) {
    const band = $('summary');
    band.replaceChildren();
    if (!concentration) return;
    const stat = (label, value, title) => el('div', { class: 'stat', title: title || '' },
      el('span', { class: 'muted', text: label }), el('b', { text: value }));
    // The headline: who controls all staked ETH, from the latest entity reading.
    const e = concentration.entities;
    if (e) {
      const tau = (m) => (m.nakamoto !== null ? String(m.nakamoto) : 'none');
      band.append(
        stat('All staked', num(e.stakedEth, 0) + ' ETH', 'active validators\' balances at slot ' + e.source.slot),
        stat('Largest entity', e.largestEntity ? e.largestEntity + ' ' + pct(e.largestShare) : '–'),
        stat('Unidentified', pct(e.unidentifiedShare), 'stake no rule attributes: many stakers, never one entity'),
        stat('Nakamoto (entities)', tau(e.identified) + ' (at worst ' + tau(e.atWorst) + ')',
          'fewest entities above 1/2 of all staked ETH; at worst: all unidentified stake given to the largest'),
        stat('HHI (entities)', num(e.identified.hhi, 0) + ' (at worst ' + num(e.atWorst.hhi, 0) + ')'),
        stat('Entity reading', 'epoch ' + e.source.epoch + ', ' + ago(e.source.readAt), e.source.readAt));
    } else {
      band.append(stat('Who controls the stake', 'no entity reading yet', concentration.entitiesAbsent || ''));
    }
    const staked = concentration.tokenOfAllStaked;
    band.append(
      stat('Tracked LSTs (token view)', num(concentration.trackedEth, 0) + ' ETH'),
      stat('LSTs share of staked (token view)', pct(concentration.trackedShareOfStaked)),
      stat('Largest pool (token view)', staked ? staked.largestPool + ' ' + pct(staked.largestShare) : '–'));
  }

  const UNIDENTIFIED_COLOR = '#7a8ca0';
  const ENTITY_PALETTE = PALETTE.filter((c) => c !== UNIDENTIFIED_COLOR); // grey is for unidentified only
  function entityColor(ids, id) {
    return ENTITY_PALETTE[ids.indexOf(id) % ENTITY_PALETTE.length];
  }

  /** Entity shares of all staked ETH over time, stacked, with the unidentified share on top. */
  async function loadEntities(w) {
    const history = await api('/api/entities/history?' + query(w));
    const points = history.points;
    const last = points.length ? points[points.length - 1].shares : {};
    // Every entity with stake in the range, largest (at the last reading) at the bottom.
    const ids = Array.from(new Set(points.flatMap((p) => Object.keys(p.shares))))
      .filter((id) => points.some((p) => Number(p.shares[id]) > 0))
      .sort((a, b) => Number(last[b] || 0) - Number(last[a] || 0) || a.localeCompare(b));
    const cumulative = ids.map(() => []);
    const unidentified = [];
    points.forEach((p) => {
      const t = Date.parse(p.readAt) / 1000;
      let sum = 0;
      ids.forEach((id, i) => {
        sum += Number(p.shares[id] || 0);
        cumulative[i].push([t, sum * 100]);
      });
      unidentified.push([t, (sum + Number(p.unidentifiedShare)) * 100]);
    });
    const series = ids.map((id, i) => ({ label: id, color: entityColor(ids, id), points: cumulative[i],
      fill: entityColor(ids, id) + '55' }));
    series.push({ label: 'unidentified', color: UNIDENTIFIED_COLOR, points: unidentified,
      fill: UNIDENTIFIED_COLOR + '55' });
    const span = points.length ? [[Date.parse(points[0].readAt) / 1000], [Date.parse(points[points.length - 1].readAt) / 1000]] : [];
    THRESHOLDS.forEach((x) => series.push({ label: (x * 100).toFixed(1) + '%', color: '#ef5350', dash: [6, 6],
      width: 1, points: span.map((t) => [t[0], x * 100]) }));
    const bands = series.slice(1, ids.length + 1).map((s, i) => ({ series: [i + 2, i + 1], fill: s.fill }));
    plot('chart-entities', series, { yRange: [0, 100], digits: 2, bands: bands,
      yValues: (u, vals) => vals.map((v) => v + '%') });
    const chart = $('chart-entities');
    chart.dataset.readings = String(points.length);
    chart.dataset.entities = String(ids.length);
    return history;
  }

  /** The largest entities of the latest reading, with category and LST, and the unidentified rest. */
  function renderEntities(latest) {
    const container = $('entities');
    if (!latest) return;
    const largest = latest.entities.filter((e) => Number(e.stakeGwei) > 0).slice(0, 10);
    const row = (cells, attrs) => el('tr', attrs || {}, ...cells.map(([text, cls]) => el('td', { class: cls || '', text: text })));
    const rows = largest.map((e) => row([[e.name], [e.category], [e.pool ? e.pool.id : '–'],
      [num(e.activeValidators, 0), 'num'], [num(e.stakeEth, 0), 'num'], [pct(e.share), 'num']],
    { 'data-entity': e.id }));
    const u = latest.unidentified;
    rows.push(row([['unidentified'], ['many stakers'], ['–'], [num(u.activeValidators, 0), 'num'],
      [num(u.stakeEth, 0), 'num'], [pct(u.share), 'num']], { 'data-entity': 'unidentified', class: 'unidentified' }));
    const m = latest.identified;
    const w = latest.atWorst;
    container.replaceChildren(
      el('p', { class: 'muted', text: 'Epoch ' + latest.source.epoch + ' (slot ' + latest.source.slot + '), read '
        + ago(latest.source.readAt) + ': ' + num(latest.activeValidators, 0) + ' active validators, '
        + num(latest.stakedEth, 0) + ' ETH. HHI ' + num(m.hhi, 0) + ' (at worst ' + num(w.hhi, 0) + '); tau 1/3, 1/2, 2/3: '
        + [m.tau.oneThird, m.tau.oneHalf, m.tau.twoThirds].map((x) => (x === null ? 'none' : x)).join(', ')
        + ' (at worst ' + [w.tau.oneThird, w.tau.oneHalf, w.tau.twoThirds].map((x) => (x === null ? 'none' : x)).join(', ')
        + ').' }),
      el('table', { 'data-rows': String(largest.length) },
        el('thead', {}, el('tr', {}, el('th', { text: 'largest entities' }), el('th', { text: 'category' }),
          el('th', { text: 'LST' }), el('th', { class: 'num', text: 'active validators' }),
          el('th', { class: 'num', text: 'staked ETH' }), el('th', { class: 'num', text: 'share of all staked' }))),
        el('tbody', {}, ...rows)));
  }

  function renderCards(poolList, concentration) {
    const shares = new Map(((concentration && concentration.pools) || []).map((p) => [p.id, p]));
    const cards = $('cards');
    cards.replaceChildren();
    poolList.forEach((p) => {
      const share = shares.get(p.id);
      const apr = p.apr7d;
      const failed = p.status !== 'ok';
      const card = el('article', { class: 'card' + (failed ? ' failed' : ''), 'data-pool': p.id },
        el('h3', {}, el('span', {}, el('span', { class: 'swatch', style: 'background:' + color(p.id) }), p.name),
          el('span', { class: 'badge' + (failed ? ' bad' : ''), text: failed ? p.status : p.token })),
        el('dl', {},
          el('dt', { text: 'ETH per token' }), el('dd', { 'data-field': 'ethPerToken', text: num(p.ethPerToken, 6) }),
          el('dt', { text: 'ETH staked' }), el('dd', { 'data-field': 'totalEth', text: num(p.totalEth, 0) }),
          el('dt', { text: 'Token share of staked', title: 'token-side ETH over all staked ETH (the token view)' }),
          el('dd', { 'data-field': 'tokenShareOfStaked', text: share ? pct(share.tokenShareOfStaked) : '–' }),
          el('dt', { text: '7-day APR' }),
          el('dd', { 'data-field': 'apr7d', title: apr && apr.reason ? apr.reason : (apr ? apr.method : ''),
            text: apr && apr.aprPercent !== null && apr.aprPercent !== undefined ? apr.aprPercent + '%' : '–' }),
          el('dt', { text: 'Updated' }), el('dd', { text: ago(p.time), title: p.time || '' })));
      if (failed && p.error) card.append(el('p', { class: 'muted', text: p.error }));
      cards.append(card);
    });
  }

  async function loadShares(w) {
    const history = await api('/api/concentration/history?' + query(w));
    const points = history.points.filter((p) => p.tokenOfAllStaked);
    const ids = pools.map((p) => p.id);
    // Stacked: each band is the running sum of the API's shares, in registry order.
    const cumulative = ids.map(() => []);
    points.forEach((p) => {
      const t = Date.parse(p.block.timestamp) / 1000;
      let sum = 0;
      ids.forEach((id, i) => {
        const share = p.pools.find((s) => s.id === id);
        sum += share && share.tokenShareOfStaked !== null ? Number(share.tokenShareOfStaked) : 0;
        cumulative[i].push([t, sum * 100]);
      });
    });
    const series = ids.map((id, i) => ({ label: id, color: color(id), points: cumulative[i],
      fill: color(id) + '55' }));
    const span = points.length ? [[Date.parse(points[0].block.timestamp) / 1000], [Date.parse(points[points.length - 1].block.timestamp) / 1000]] : [];
    THRESHOLDS.forEach((x) => series.push({ label: (x * 100).toFixed(1) + '%', color: '#ef5350', dash: [6, 6],
      width: 1, points: span.map((t) => [t[0], x * 100]) }));
    const bands = ids.slice(1).map((_, i) => ({ series: [i + 2, i + 1], fill: color(ids[i + 1]) + '55' }));
    plot('chart-share', series, { yRange: [0, 100], digits: 2, bands: bands,
      yValues: (u, vals) => vals.map((v) => v + '%') });
    $('chart-share').dataset.points = String(points.length);
    return history;
  }

  async function loadRates(w) {
    const histories = await Promise.all(pools.map((p) => api('/api/pools/' + p.id + '/history?' + query(w))));
    plot('chart-rates', histories.map((h) => ({ label: h.pool, color: color(h.pool),
      points: h.points.map((pt) => [Date.parse(pt.time) / 1000, Number(pt.ethPerToken)]) })), { digits: 6 });
  }

  async function loadRewards(w) {
    const histories = await Promise.all(pools.map((p) => api('/api/pools/' + p.id + '/rewards/history?from='
      + encodeURIComponent(w.from) + '&to=' + encodeURIComponent(w.to))));
    plot('chart-rewards', histories.map((h) => ({ label: h.pool, color: color(h.pool),
      points: h.points.filter((pt) => pt.aprPercent !== null)
        .map((pt) => [Date.parse(pt.endTime) / 1000, Number(pt.aprPercent)]) })), { digits: 3,
      yValues: (u, vals) => vals.map((v) => v + '%') });
  }

  function loadIndices(history, entityHistory) {
    const points = history.points;
    const t = (p) => Date.parse(p.block.timestamp) / 1000;
    const entityPoints = entityHistory ? entityHistory.points : [];
    const te = (p) => Date.parse(p.readAt) / 1000;
    plot('chart-hhi', [
      { label: 'entities', color: '#3fb950', width: 2, points: entityPoints.map((p) => [te(p), Number(p.hhi)]) },
      { label: 'entities at worst', color: '#3fb950', dash: [4, 4],
        points: entityPoints.map((p) => [te(p), Number(p.hhiAtWorst)]) },
      { label: 'among LSTs (token view)', color: '#4ea1ff', points: points.map((p) => [t(p), Number(p.amongLsts.hhi)]) },
      { label: 'of all staked (token view)', color: '#f0b429',
        points: points.filter((p) => p.tokenOfAllStaked).map((p) => [t(p), Number(p.tokenOfAllStaked.hhi)]) },
    ], { digits: 1 });
    const tau = (key) => points.filter((p) => p.tokenOfAllStaked && p.tokenOfAllStaked.tau[key] !== null)
      .map((p) => [t(p), p.tokenOfAllStaked.tau[key]]);
    plot('chart-tau', [
      { label: 'Nakamoto (entities)', color: '#e86bb0', width: 2,
        points: entityPoints.filter((p) => p.nakamoto !== null).map((p) => [te(p), p.nakamoto]) },
      { label: 'Nakamoto at worst', color: '#e86bb0', dash: [4, 4],
        points: entityPoints.filter((p) => p.nakamotoAtWorst !== null).map((p) => [te(p), p.nakamotoAtWorst]) },
      { label: 'pools 1/3', color: '#3fb950', points: tau('oneThird') },
      { label: 'pools 1/2', color: '#f0b429', points: tau('oneHalf') },
      { label: 'pools 2/3', color: '#ef5350', points: tau('twoThirds') },
    ], { digits: 0 });
  }

  function renderOperators(operators, rocketPool) {
    const container = $('operators');
    const rocket = rocketPool ? el('p', { class: 'muted', text: 'Rocket Pool: ' + num(rocketPool.nodeOperators, 0)
      + ' node operators, ' + num(rocketPool.stakingMinipools, 0) + ' staking minipools of '
      + num(rocketPool.minipools, 0) + '.' }) : '';
    if (!operators) {
      container.replaceChildren(el('div', { class: 'empty', text: 'No operator data yet.' }), rocket);
      return;
    }
    const rows = operators.largest.map((o) => el('tr', {}, el('td', { text: o.name }), el('td', { text: o.module }),
      el('td', { class: 'num', text: num(o.activeValidators, 0) }), el('td', { class: 'num', text: pct(o.share) })));
    container.replaceChildren(
      el('p', { class: 'muted', text: operators.operators + ' operators across the curated module, SimpleDVT and CSM, '
        + num(operators.activeValidators, 0) + ' active validators'
        + (operators.permissionlessShare == null ? '' : ' (' + pct(operators.permissionlessShare, 1)
          + ' permissionless, through CSM)')
        + '; HHI ' + num(operators.hhi, 1)
        + '; tau 1/3, 1/2, 2/3: ' + [operators.tau.oneThird, operators.tau.oneHalf, operators.tau.twoThirds].join(', ') }),
      el('table', { 'data-rows': String(rows.length) },
        el('thead', {}, el('tr', {}, el('th', { text: 'largest operators' }), el('th', { text: 'module' }),
          el('th', { class: 'num', text: 'validators' }), el('th', { class: 'num', text: 'share' }))),
        el('tbody', {}, ...rows)),
      rocket);
  }

  function renderAlerts(active, recent) {
    const container = $('alerts');
    const firingNow = el('p', { class: active.alerts.length ? 'state-firing' : 'muted', 'data-firing': String(active.alerts.length),
      text: active.alerts.length ? active.alerts.length + ' firing now: '
        + active.alerts.map((a) => a.rule + ' (' + a.subject + ')').join(', ') : 'Nothing firing now.' });
    if (recent.events.length === 0) {
      container.replaceChildren(firingNow, el('div', { class: 'empty', text: 'No alert events yet.' }));
      return;
    }
    container.replaceChildren(firingNow, el('table', { 'data-rows': String(recent.events.length) },
      el('thead', {}, el('tr', {}, ...['when', 'event', 'rule', 'subject', 'value', 'threshold'].map((h) => el('th', { text: h })))),
      el('tbody', {}, ...recent.events.map((a) => el('tr', { title: a.message || '' },
        el('td', { text: ago(a.time), title: a.time }), el('td', { class: 'state-' + a.state, text: a.state }),
        el('td', { text: a.rule }), el('td', { text: a.subject }), el('td', { class: 'num', text: a.value }),
        el('td', { class: 'num', text: (a.direction === 'below' ? '< ' : '> ') + a.threshold }))))));
  }

  /** Basis points as the API gives them (2 decimals), with an explicit sign for a premium. */
  function bps(text) {
    if (text === null || text === undefined) return '–';
    return (Number(text) > 0 ? '+' : '') + text;
  }

  /**
   * The one-token discount of every pool with a market, over the window, and the exit wait: the last reading of
   * each of the window's intervals, as every chart (a snapshot a minute would be 1,440 points a day).
   */
  async function loadLiquidity(w, latest) {
    const withMarket = latest.pools.filter((p) => p.market);
    const histories = await Promise.all(withMarket.map((p) => api('/api/pools/' + p.pool + '/liquidity?'
      + query(w))));
    const series = histories.map((h) => ({ label: h.pool, color: color(h.pool),
      points: h.points.filter((pt) => pt.discountBps1 !== null)
        .map((pt) => [Date.parse(pt.time) / 1000, Number(pt.discountBps1)]) }));
    const times = series.flatMap((s) => s.points.map((p) => p[0]));
    if (times.length) {
      series.push({ label: '-100 bps', color: '#ef5350', dash: [6, 6], width: 1,
        points: [[Math.min(...times), -100], [Math.max(...times), -100]] });
    }
    plot('chart-discount', series, { digits: 2, yValues: (u, vals) => vals.map((v) => v + ' bps') });
    const chart = $('chart-discount');
    chart.dataset.points = String(series.slice(0, histories.length).reduce((n, s) => n + s.points.length, 0));
    chart.dataset.truncated = String(histories.some((h) => h.truncated));
    const queue = await api('/api/liquidity/exit-queue?' + query(w));
    plot('chart-exit-wait', [{ label: 'exit wait', color: '#f0b429', width: 2,
      points: queue.points.map((q) => [Date.parse(q.time) / 1000, Number(q.waitDays)]) }], { digits: 2,
      yValues: (u, vals) => vals.map((v) => v + ' d') });
    $('chart-exit-wait').dataset.truncated = String(queue.truncated);
  }

  /** The latest quotes, 1% depth and exits of every pool with figures, and the beacon chain's exit queue. */
  function renderLiquidity(latest) {
    const container = $('liquidity');
    const shown = latest.pools.filter((p) => p.status === 'ok' && (p.market || p.exit));
    const quote = (m, size) => (m && m.status === 'ok' ? m.quotes.find((q) => q.sizeTokens === size) : null);
    const discountCell = (m, size, field) => {
      const q = quote(m, size);
      const value = q ? Number(q.discountBps) : 0;
      return el('td', { class: 'num' + (value < 0 ? ' discount' : value > 0 ? ' premium' : ''), 'data-field': field,
        title: q ? size + ' ' + m.token + ' -> ' + q.ethOut + ' ETH' : '', text: q ? bps(q.discountBps) : '–' });
    };
    const depth = (m) => {
      if (!m || m.status !== 'ok' || !m.depth1pct) return '–';
      const d = m.depth1pct;
      if (d.tokens === null) return '< 2';
      return num(d.tokens, 0) + (d.belowTokens === null ? '+' : ' to ' + num(d.belowTokens, 0));
    };
    const exit = (e) => {
      if (!e) return '–';
      if (e.status !== 'ok') return 'failed: ' + e.error;
      const parts = [];
      if (e.liquidEth !== null) parts.push(num(e.liquidEth, 0) + ' ETH liquid');
      const q = e.withdrawalQueue;
      if (q) {
        parts.push(num(q.unfinalizedEth, 0) + ' stETH in ' + num(q.unfinalizedRequests, 0) + ' requests'
          + (q.oldestUnfinalizedAgeSeconds === null ? '' : ', oldest ' + (q.oldestUnfinalizedAgeSeconds / 3600)
            .toFixed(1) + ' h'));
      }
      return parts.join('; ') || '–';
    };
    const rows = shown.map((p) => {
      const m = p.market;
      const failed = m && m.status !== 'ok';
      return el('tr', { 'data-pool': p.pool },
        el('td', { text: p.token }),
        el('td', { class: failed ? 'state-firing' : '', title: m ? m.address : '',
          text: m ? m.venue + (failed ? ' (failed: ' + m.error + ')' : '') : 'no market' }),
        discountCell(m, '1', 'discount1'), discountCell(m, '100', 'discount100'),
        discountCell(m, '10000', 'discount10000'),
        el('td', { class: 'num', 'data-field': 'depth', text: depth(m) }),
        el('td', { 'data-field': 'exit', text: exit(p.exit) }));
    });
    const q = latest.exitQueue;
    const queueLine = el('p', { class: 'muted', 'data-field': 'exit-queue', text: q
      ? 'Beacon chain exit queue at slot ' + q.slot + ': ' + num(q.exitingValidators, 0) + ' validators, '
        + num(q.exitingEth, 0) + ' ETH, churn ' + num(q.churnEthPerEpoch, 0) + ' ETH an epoch: about '
        + q.waitDays + ' days to exit.'
      : 'Beacon chain exit queue: not read yet (it needs a beacon node).' });
    const block = latest.block ? el('p', { class: 'muted', text: 'Quotes at block ' + latest.block.number + ', '
      + ago(latest.block.timestamp) + '.' }) : el('div', { class: 'empty', text: 'No liquidity figures yet.' });
    container.replaceChildren(block,
      el('table', { 'data-rows': String(rows.length) },
        el('thead', {}, el('tr', {}, ...[['token'], ['market'], ['1 token (bps)', 'num'], ['100 (bps)', 'num'],
          ['10,000 (bps)', 'num'], ['within 1% up to (tokens)', 'num'], ['exits']]
          .map(([h, cls]) => el('th', { class: cls || '', text: h })))),
        el('tbody', {}, ...rows)),
      queueLine);
  }

  /** A majority share with its flag: above 2/3 and above 1/3 are said, not only coloured. */
  function majority(layer) {
    if (!layer.majority) return el('td', { class: 'muted', text: 'unknown' });
    const flag = layer.majorityAboveTwoThirds ? ' > 2/3' : layer.majorityAboveOneThird ? ' > 1/3' : '';
    const name = layer.clients.find((c) => c.client === layer.majority).name;
    return el('td', { class: flag ? 'state-firing' : '', 'data-flag': flag.trim(),
      text: name + ' ' + pct(layer.majorityShare, 1) + flag });
  }

  function renderClients(clients) {
    const container = $('clients');
    const w = clients.window;
    const rows = [{ entity: 'network', figures: clients.network }].concat(clients.entities.slice(0, 12));
    container.replaceChildren(
      el('p', { class: 'muted', text: num(clients.network.blocks, 0) + ' blocks in slots ' + w.fromSlot + ' to '
        + w.toSlot + (w.complete ? '' : ' (' + num(w.slotsRead, 0) + ' of the window\'s slots read so far)')
        + ', ' + num(w.missed, 0) + ' missed.' }),
      el('table', { 'data-rows': String(rows.length) },
        el('thead', {}, el('tr', {}, ...['', 'blocks', 'CL named', 'majority CL', 'EL named', 'majority EL']
          .map((h, i) => el('th', { class: i === 1 || i === 2 || i === 4 ? 'num' : '', text: h })))),
        el('tbody', {}, ...rows.map((r) => el('tr', { 'data-entity': r.entity },
          el('td', { text: r.entity }), el('td', { class: 'num', text: num(r.figures.blocks, 0) }),
          el('td', { class: 'num', text: pct(r.figures.consensus.identifiedShare, 1) }), majority(r.figures.consensus),
          el('td', { class: 'num', text: pct(r.figures.execution.identifiedShare, 1) }),
          majority(r.figures.execution))))));
  }

  /**
   * The network's consensus clients per day of slots: each client's share (per cent) of the blocks that name one,
   * with the 1/3 and 2/3 lines. A day without a time (no beacon genesis known yet) is placed by its slot.
   */
  function plotClients(history) {
    const GENESIS = 1606824023; // mainnet's beacon genesis, only for a point the API gives no time for
    const t = (p) => (p.time ? Date.parse(p.time) / 1000 : GENESIS + p.fromSlot * 12);
    const names = new Map();
    history.points.forEach((p) => p.figures.consensus.clients.forEach((c) => names.set(c.client, c.name)));
    const series = Array.from(names.keys()).map((id, i) => ({
      label: names.get(id),
      color: PALETTE[i % PALETTE.length],
      points: history.points.map((p) => {
        const c = p.figures.consensus.clients.find((x) => x.client === id);
        return [t(p), c ? Number(c.share) * 100 : 0];
      }),
    }));
    const span = history.points.length ? [t(history.points[0]), t(history.points[history.points.length - 1])] : [];
    [1 / 3, 2 / 3].forEach((x) => series.push({ label: (x * 100).toFixed(1) + '%', color: '#ef5350', dash: [6, 6],
      width: 1, points: span.map((time) => [time, x * 100]) }));
    plot('chart-clients', series, { yRange: [0, 100], digits: 2, yValues: (u, vals) => vals.map((v) => v + '%') });
    $('chart-clients').dataset.points = String(history.points.length);
  }

  async function section(name, work) {
    try {
      return await work();
    } catch (error) {
      console.warn(name + ': ' + error.message);
      const container = $(name);
      if (container) showError(container, error);
      return null;
    }
  }

  async function load() {
    document.body.dataset.loading = 'true';
    const w = window_();
    const poolList = (await api('/api/pools')).pools;
    pools = poolList;
    const concentration = await section('summary', () => api('/api/concentration'));
    renderSummary(concentration);
    const entityHistory = await section('chart-entities', () => loadEntities(w));
    renderEntities(await section('entities', () => api('/api/entities')));
    renderCards(poolList, concentration);
    renderOperators(concentration && concentration.lidoOperators, concentration && concentration.rocketPool);
    const history = await section('chart-share', () => loadShares(w));
    if (history) loadIndices(history, entityHistory);
    await Promise.all([
      section('chart-rates', () => loadRates(w)),
      section('chart-rewards', () => loadRewards(w)),
      section('alerts', async () => renderAlerts(await api('/api/alerts/active'), await api('/api/alerts?limit=15'))),
      section('clients', async () => renderClients(await api('/api/clients?window=7d'))),
      section('chart-clients', async () => plotClients(await api('/api/clients/history?days=30'))),
      section('liquidity', async () => {
        const latest = await api('/api/liquidity');
        renderLiquidity(latest);
        await section('chart-discount', () => loadLiquidity(w, latest));
      }),
    ]);
    $('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
    document.body.dataset.range = range;
    document.body.dataset.from = w.from;
    document.body.dataset.to = w.to;
    document.body.dataset.interval = w.interval;
    document.body.dataset.loading = 'false';
    if (performance.getEntriesByName('lst-rendered').length === 0) {
      performance.mark('lst-rendered'); // first complete render, read by bench/run-dashboard-bench.sh
    }
  }

  document.querySelectorAll('[data-range]').forEach((button) => {
    button.addEventListener('click', () => {
      range = button.dataset.range;
      document.querySelectorAll('[data-range]').forEach((b) => b.classList.toggle('active', b === button));
      load();
    });
  });
  $('refresh').addEventListener('click', () => load());
  setInterval(() => { if (document.visibilityState === 'visible') load(); }, 60000);
  new ResizeObserver(() => Object.values(charts).forEach((c) => {
    const width = Math.max(c.root.parentElement.clientWidth, 280);
    if (Math.abs(c.width - width) > 4) c.setSize({ width: width, height: 260 });
  })).observe(document.querySelector('main'));
  load().catch((error) => {
    document.body.dataset.loading = 'error';
    $('summary').replaceChildren(el('div', { class: 'empty', text: 'The API did not answer: ' + error.message }));
  });
})();
