/// The search page's scripts. `dansk.js` is the browser's copy of
/// `AgendaSearch.SearchText` and `DanishStemmer` (tokens, folding, stop words,
/// Snowball stems): the browser test runs it over
/// `Tests/Fixtures/search/danish-stems.tsv` and `Tests/Fixtures/archive/site/tokens.tsv`
/// and must get what Swift gets. `soeg.js` loads shards, ranks by BM25 and shows passages.
enum SiteScripts {
    static let danish = #"""
// Danish-aware matching for the archive's search page: the same tokens, folding,
// stop words and Snowball stems as AgendaSearch (SearchText.swift, DanishStemmer.swift).
(function (site) {
  "use strict";
  var stopWords = new Set(("og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har om vi " +
    "min havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv her alle vil blev kunne " +
    "ind når være dog noget ville jo deres efter ned skulle denne end dette mit også under have dig anden hende mine " +
    "alt meget sit sine vor mod disse hvis din nogle hos blive mange ad bliver hendes været thi jer sådan").split(" "));
  var vowels = "aeiouyæåø";
  var consonants = "bcdfghjklmnpqrstvwxz";
  var validSEndings = "abcdfghjklmnoprtvyzå";
  function bySize(list) { return list.sort(function (a, b) { return b.length - a.length; }); }
  var mainSuffixes = bySize(["hed", "ethed", "ered", "e", "erede", "ende", "erende", "ene", "erne", "ere", "en", "heden",
    "eren", "er", "heder", "erer", "heds", "es", "endes", "erendes", "enes", "ernes", "eres",
    "ens", "hedens", "erens", "ers", "ets", "erets", "et", "eret", "s"]);
  var otherSuffixes = ["elig", "løst", "lig", "els", "ig"];
  var consonantPairs = ["gd", "dt", "gt", "kt"];

  // R1: after the first non-vowel that follows a vowel, never before the fourth letter.
  function regionOne(w) {
    if (w.length < 3) return w.length;
    var i = 0;
    while (i < w.length && vowels.indexOf(w[i]) < 0) i++;
    i++;
    while (i < w.length && vowels.indexOf(w[i]) >= 0) i++;
    if (i >= w.length) return w.length;
    return Math.max(i + 1, 3);
  }
  function endsWith(w, suffix) {
    if (w.length < suffix.length) return false;
    for (var k = 0; k < suffix.length; k++) if (w[w.length - suffix.length + k] !== suffix[k]) return false;
    return true;
  }
  function longestSuffix(w, r1, suffixes) {
    for (var k = 0; k < suffixes.length; k++) {
      var s = suffixes[k];
      if (w.length - s.length >= r1 && w.length >= s.length && endsWith(w, s)) return s;
    }
    return null;
  }
  function removeConsonantPair(w, r1) {
    if (longestSuffix(w, r1, consonantPairs) !== null) w.pop();
  }
  // The Snowball Danish stemmer on a folded word (letters as code points, as Swift's unicode scalars).
  function stem(word) {
    var w = Array.from(word);
    var r1 = regionOne(w);
    var main = longestSuffix(w, r1, mainSuffixes);
    if (main !== null && !(main === "s" && !(w.length >= 2 && validSEndings.indexOf(w[w.length - 2]) >= 0))) {
      w.length -= main.length;
    }
    removeConsonantPair(w, r1);
    if (endsWith(w, "igst")) w.length -= 2;
    var other = longestSuffix(w, r1, otherSuffixes);
    if (other === "løst") {
      w.pop();
    } else if (other !== null) {
      w.length -= Array.from(other).length;
      removeConsonantPair(w, r1);
    }
    if (w.length >= 2 && w.length - 1 >= r1) {
      var last = w[w.length - 1];
      if (consonants.indexOf(last) >= 0 && w[w.length - 2] === last) w.pop();
    }
    return w.join("");
  }
  // NFC, Ø/ø written as O/o with U+0338, lowercase, and aa as å.
  function fold(text) {
    var lower = text.normalize("NFC").replace(/O\u0338/g, "Ø").replace(/o\u0338/g, "ø").toLowerCase();
    return lower.length > 1 ? lower.replace(/aa/g, "å") : lower;
  }
  var numeric = /\p{N}/u;
  // The indexed term of one word, or null for a stop word.
  function termForWord(word) {
    var folded = fold(word);
    if (numeric.test(folded)) return folded;
    if (stopWords.has(folded)) return null;
    return stem(folded);
  }
  var wordChar = /[\p{L}\p{Nd}\p{Nl}\p{No}\p{M}]/u;
  // Words and compounds (runs joined by - . /) with their place in the text (UTF-16 indexes).
  function tokens(text) {
    var out = [], parts = [], partStart = -1, runStart = -1, pendingJoiner = false, offset = 0;
    function finishRun(end) {
      if (partStart >= 0) parts.push([partStart, end]);
      partStart = -1;
      if (runStart >= 0 && parts.length > 0) {
        var last = parts[parts.length - 1], isRun = parts.length > 1;
        if (isRun) {
          var compound = fold(text.slice(runStart, last[1]));
          if (compound.length > 0) out.push({ term: compound, start: runStart, end: last[1], compound: true, part: false });
        }
        for (var k = 0; k < parts.length; k++) {
          var term = termForWord(text.slice(parts[k][0], parts[k][1]));
          if (term !== null) out.push({ term: term, start: parts[k][0], end: parts[k][1], compound: false, part: isRun });
        }
      }
      runStart = -1;
      parts = [];
    }
    for (var ch of text) {
      if (wordChar.test(ch)) {
        if (partStart < 0) {
          if (runStart < 0) runStart = offset;
          partStart = offset;
        }
        pendingJoiner = false;
      } else if ((ch === "-" || ch === "." || ch === "/") && partStart >= 0 && !pendingJoiner) {
        parts.push([partStart, offset]);
        partStart = -1;
        pendingJoiner = true;
      } else {
        finishRun(offset);
        pendingJoiner = false;
      }
      offset += ch.length;
    }
    finishRun(offset);
    return out;
  }
  site.danish = { stem: stem, fold: fold, termForWord: termForWord, tokens: tokens, stopWords: stopWords };
})(window.AgendaSite = window.AgendaSite || {});
"""#

    static let search = #"""
// The archive's search page: loads the prebuilt index's shards (small scripts that
// register themselves, so it works from file:// too) for the query's terms only,
// intersects the posting lists, ranks by BM25 and shows each hit's passage.
(function (site) {
  "use strict";
  var root = document.documentElement.getAttribute("data-root") || "";
  var k1 = 1.2, b = 0.75, limit = 20, contextBefore = 60, contextAfter = 120;
  var pending = {}, shards = {}, heads = {}, chunks = {}, decoded = {}, manifest = null, available = null, large = null;
  var alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_", digit = new Int8Array(128).fill(-1);
  for (var i = 0; i < alphabet.length; i++) digit[alphabet.charCodeAt(i)] = i;

  function load(path) {
    if (!pending[path]) {
      pending[path] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = root + path;
        script.onload = function () { resolve(); };
        script.onerror = function () { reject(new Error("kunne ikke hente " + path)); };
        document.head.appendChild(script);
      });
    }
    return pending[path];
  }
  site.manifest = function (data) { manifest = data; available = new Set(data.shards); large = new Set(data.terms || []); };
  site.shard = function (key, terms) { shards[key] = terms; };
  site.head = function (key, head) { heads[key] = head; };
  site.docs = function (chunk, list) { chunks[chunk] = list; };
  site.documentCount = function () { return manifest ? manifest.documents : 0; };

  function hex(text) {
    var bytes = new TextEncoder().encode(text), out = "";
    for (var k = 0; k < bytes.length; k++) out += (bytes[k] < 16 ? "0" : "") + bytes[k].toString(16);
    return out;
  }
  // A common term has files of its own (its whole list, and the head of its best postings);
  // the others are in the shard of the longest listed prefix (SiteSearchShards.swift).
  function isLarge(term) { return large.has(hex(term)); }
  function shardKey(term) {
    var letters = Array.from(term);
    for (var n = Math.min(letters.length, manifest.prefixLength); n > 0; n--) {
      var key = hex(letters.slice(0, n).join(""));
      if (available.has(key)) return key;
    }
    return null;
  }
  function wholeFile(term) { return "soeg/o/" + hex(term) + ".js"; }
  function headFile(term) { return "soeg/o/" + hex(term) + "-top.js"; }
  function shardFile(term) { var key = shardKey(term); return key === null ? null : "soeg/t/" + key + ".js"; }
  function postingText(term) {
    var shard = isLarge(term) ? shards["=" + hex(term)] : shards[shardKey(term)];
    return shard && Object.prototype.hasOwnProperty.call(shard, term) ? shard[term] : null;
  }
  function known(term) { return isLarge(term) || postingText(term) !== null; }
  // base-64 digits, 5 bits each, 32 set on all but the last of a number
  function numbers(text) {
    var values = new Float64Array(text.length), count = 0, value = 0, scale = 1;
    for (var k = 0; k < text.length; k++) {
      var d = digit[text.charCodeAt(k)];
      value += (d & 31) * scale;
      if (d & 32) { scale *= 32; } else { values[count++] = value; value = 0; scale = 1; }
    }
    return values.subarray(0, count);
  }
  function postings(term) {
    if (decoded[term]) return decoded[term];
    var text = postingText(term);
    if (text === null) return null;
    // (document gap, frequency, length) per posting, frequency and length in units of
    // 1/frequencyScale (the average length is in the same units)
    var values = numbers(text);
    var count = values.length / 3, docs = new Int32Array(count), tfs = new Float64Array(count), lengths = new Float64Array(count), doc = 0;
    for (var p = 0; p < count; p++) {
      doc += values[3 * p];
      docs[p] = doc; tfs[p] = values[3 * p + 1] / manifest.frequencyScale; lengths[p] = values[3 * p + 2];
    }
    return (decoded[term] = { docs: docs, tfs: tfs, lengths: lengths });
  }
  function gallop(docs, target, start) {
    var low = start, high = start, step = 1;
    while (high < docs.length && docs[high] < target) { low = high + 1; high = start + step; step *= 2; }
    high = Math.min(high, docs.length);
    while (low < high) { var mid = (low + high) >> 1; if (docs[mid] < target) low = mid + 1; else high = mid; }
    return low;
  }
  // The query's terms: a compound (a case number) as one term when the index has it, else its parts.
  function queryTerms(tokens) {
    var terms = [], skipping = null;
    tokens.forEach(function (token) {
      if (token.compound) {
        if (known(token.term)) { terms.push(token.term); skipping = token; }
        return;
      }
      if (token.part && skipping && token.start >= skipping.start && token.start < skipping.end) return;
      terms.push(token.term);
    });
    return terms.filter(function (term, index) { return terms.indexOf(term) === index; });
  }
  function idf(df) { return Math.log(1 + (manifest.documents - df + 0.5) / (df + 0.5)); }
  // Keeps the best `limit` hits, best first; ties: the later document (later meeting) first.
  function keep(best, doc, score) {
    if (best.length === limit && (score < best[limit - 1].score || (score === best[limit - 1].score && doc < best[limit - 1].doc))) return;
    var at = best.length;
    while (at > 0 && (score > best[at - 1].score || (score === best[at - 1].score && doc > best[at - 1].doc))) at--;
    best.splice(at, 0, { doc: doc, score: score });
    if (best.length > limit) best.pop();
  }
  // A query of one common term: its hits from the head of its best postings, when every
  // posting left out scores below the last hit (else null, and the whole list is read).
  function rankHead(term) {
    var head = heads[hex(term)];
    if (!head) return null;
    var weight = idf(head.count), average = Math.max(manifest.averageLength, 1), best = [];
    function score(frequency, length) {
      var tf = frequency / manifest.frequencyScale, norm = 1 - b + b * length / average;
      return 0 + weight * tf * (k1 + 1) / (tf + k1 * norm);
    }
    var values = numbers(head.postings);
    for (var p = 0; p + 2 < values.length; p += 3) keep(best, values[p], score(values[p + 1], values[p + 2]));
    if (!head.next) return best;
    if (best.length < limit) return null;
    // the postings left out with next's frequency and length score exactly as it does and are earlier
    // documents; the others score at most as "other" does (room for rounding: the order was computed outside)
    var last = best[limit - 1], same = score(head.next[1], head.next[2]);
    var sameBelow = same < last.score || (same === last.score && head.next[0] < last.doc);
    var othersBelow = !head.other || last.score > score(head.other[0], head.other[1]) * (1 + 1e-9);
    return sameBelow && othersBelow ? best : null;
  }
  function rank(terms) {
    var lists = [];
    for (var t = 0; t < terms.length; t++) {
      var list = postings(terms[t]);
      if (!list) return [];
      lists.push({ list: list, idf: idf(list.docs.length) });
    }
    if (lists.length === 0) return [];
    lists.sort(function (x, y) { return x.list.docs.length - y.list.docs.length; });
    var cursors = lists.map(function () { return 0; }), best = [], average = Math.max(manifest.averageLength, 1);
    var first = lists[0].list;
    candidates: for (var p = 0; p < first.docs.length; p++) {
      var doc = first.docs[p], norm = 1 - b + b * first.lengths[p] / average, score = 0;
      for (var l = 0; l < lists.length; l++) {
        var docs = lists[l].list.docs, found = p;
        if (l > 0) {
          found = cursors[l] = gallop(docs, doc, cursors[l]);
          if (found >= docs.length || docs[found] !== doc) continue candidates;
        }
        var tf = lists[l].list.tfs[found];
        score += lists[l].idf * tf * (k1 + 1) / (tf + k1 * norm);
      }
      keep(best, doc, score);
    }
    return best;
  }
  // The passage around the first match in the first field (in the manifest's order) that has one, matches marked.
  function passage(texts, terms) {
    var wanted = new Set(terms);
    var order = manifest.passageOrder;
    for (var o = 0; o < order.length; o++) {
      var f = order[o];
      if (f >= texts.length) continue;
      var text = texts[f], tokens = site.danish.tokens(text);
      var matches = tokens.filter(function (token) { return wanted.has(token.term); });
      if (matches.length === 0) continue;
      var firstMatch = matches[0], from = firstMatch.start - contextBefore, to = firstMatch.end + contextAfter;
      var inside = tokens.filter(function (token) { return token.start >= from && token.end <= to; });
      var start = Math.min(inside.length ? inside[0].start : firstMatch.start, firstMatch.start);
      var end = Math.max(inside.length ? inside[inside.length - 1].end : firstMatch.end, firstMatch.end);
      var parts = [], cursor = start;
      matches.forEach(function (match) {
        if (match.start < cursor || match.end > end) return;
        if (match.start > cursor) parts.push({ text: text.slice(cursor, match.start), match: false });
        parts.push({ text: text.slice(match.start, match.end), match: true });
        cursor = match.end;
      });
      if (cursor < end) parts.push({ text: text.slice(cursor, end), match: false });
      return { field: manifest.fields[f], before: start > 0, after: end < text.length, parts: parts };
    }
    // matched only in the title or case number: the opening of the first text there is
    for (var q = 0; q < order.length; q++) {
      var opening = texts[order[q]] || "";
      if (!opening) continue;
      var cut = opening.length <= contextAfter ? opening.length : Math.max(opening.lastIndexOf(" ", contextAfter), 1);
      return { field: manifest.fields[order[q]], before: false, after: cut < opening.length, parts: [{ text: opening.slice(0, cut), match: false }] };
    }
    return null;
  }

  function loadAll(paths) { return Promise.all(Array.from(new Set(paths)).filter(Boolean).map(load)); }

  // Loads what the query needs, ranks, and resolves with the hits and their documents.
  // options.whole: read every posting list whole, never a head (the tests compare both ways).
  site.search = function (query, options) {
    var started = performance.now(), whole = !!(options && options.whole);
    return load("soeg/indeks.js").then(function () {
      var tokens = site.danish.tokens(query);
      return loadAll(tokens.map(function (token) {
        return isLarge(token.term) ? (whole ? wholeFile(token.term) : headFile(token.term)) : shardFile(token.term);
      })).then(function () {
        var terms = queryTerms(tokens), fromHead = !whole && terms.length === 1 ? rankHead(terms[0]) : null;
        if (fromHead) return { terms: terms, hits: fromHead, docs: heads[hex(terms[0])].docs || {} };
        return loadAll(terms.filter(isLarge).map(wholeFile)).then(function () { return { terms: terms, hits: rank(terms), docs: null }; });
      }).then(function (ranked) {
        var terms = ranked.terms, hits = ranked.hits, needed = new Set();
        // a document the head carries needs no chunk
        function carried(doc) { return ranked.docs && Object.prototype.hasOwnProperty.call(ranked.docs, doc) ? ranked.docs[doc] : null; }
        hits.forEach(function (hit) { if (!carried(hit.doc)) needed.add(Math.floor(hit.doc / manifest.chunkSize)); });
        return Promise.all(Array.from(needed).map(function (chunk) { return load("soeg/d/" + chunk + ".js"); })).then(function () {
          var results = hits.map(function (hit) {
            var doc = carried(hit.doc) || chunks[Math.floor(hit.doc / manifest.chunkSize)][hit.doc % manifest.chunkSize];
            return { score: hit.score, url: doc[0], title: doc[1], committee: doc[2], date: doc[3], caseNumber: doc[4], passage: passage(doc[5], terms) };
          });
          return { query: query, terms: terms, results: results, head: ranked.docs !== null, milliseconds: performance.now() - started };
        });
      });
    });
  };

  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function show(outcome, list, status) {
    list.textContent = "";
    outcome.results.forEach(function (result) {
      var item = element("li", "hit"), heading = element("h2"), link = element("a", "", result.title);
      link.href = root + result.url;
      heading.appendChild(link);
      item.appendChild(heading);
      var facts = [result.committee, result.date];
      if (result.caseNumber) facts.push("sag " + result.caseNumber);
      item.appendChild(element("p", "hit-facts", facts.join(" · ")));
      if (result.passage) {
        var quote = element("p", "passage");
        if (result.passage.before) quote.appendChild(document.createTextNode("… "));
        result.passage.parts.forEach(function (part) {
          quote.appendChild(part.match ? element("mark", "", part.text) : document.createTextNode(part.text));
        });
        if (result.passage.after) quote.appendChild(document.createTextNode(" …"));
        item.appendChild(quote);
      }
      list.appendChild(item);
    });
    var count = outcome.results.length;
    var words = count === 0 ? "Ingen resultater" : count === 1 ? "1 resultat" : (count === limit ? "De " + count + " bedste resultater" : count + " resultater");
    status.textContent = words + " for »" + outcome.query + "«.";
    document.documentElement.setAttribute("data-search-ms", outcome.milliseconds.toFixed(1));
  }
  function start() {
    var form = document.getElementById("soegeformular");
    if (!form) return;
    var field = document.getElementById("soegefelt"), list = document.getElementById("resultater"), status = document.getElementById("soegestatus");
    function run(query) {
      if (!query.trim()) { list.textContent = ""; status.textContent = ""; return; }
      status.textContent = "Søger …";
      site.search(query).then(function (outcome) { if (field.value === query) show(outcome, list, status); },
        function (error) { status.textContent = "Søgningen mislykkedes: " + error.message; });
    }
    form.addEventListener("submit", function (event) { event.preventDefault(); run(field.value); });
    var initial = new URLSearchParams(window.location.search).get("q");
    if (initial) { field.value = initial; run(initial); }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})(window.AgendaSite = window.AgendaSite || {});
"""#
}
