/*
 * Material's search worker, fed from shards (see hooks/newsguide/search_shards.py).
 *
 * Material's page code sends this worker the core index (search_index.json) in a
 * SETUP message, then one QUERY per key press, and waits for READY and RESULT
 * messages (types 0-3). This script loads Material's own worker (named in its URL,
 * `?material=search.<hash>.min.js`) and sits between them: for each query it fetches
 * the word buckets of the query's words and at most `limit` pages holding them, sets
 * Material's worker up again with the core and those pages, and lets it answer. So
 * ranking, highlighting, suggestions and the result list stay Material's.
 */
"use strict"

const SETUP = 0, READY = 1, QUERY = 2
const HAN = /\p{sc=Han}+/gu

/* Load Material's worker, keeping its message listener and its replies to ourselves */
const listen = self.addEventListener.bind(self)
const post = self.postMessage.bind(self)
let material = null
let reply = null
self.addEventListener = (type, listener, options) =>
  type === "message" && !material ? void (material = listener) : listen(type, listener, options)
self.postMessage = message => reply ? reply(message) : post(message)
importScripts(new URL(new URL(location.href).searchParams.get("material"), location.href).href)
self.addEventListener = listen

/* Ask Material's worker; one question at a time */
function ask(data) {
  return new Promise(resolve => {
    reply = message => { reply = null; resolve(message) }
    material({ data })
  })
}

const search = new URL("../../../search/", location.href)
const cache = new Map()
let setup = null, shards = null, separator = null, loaded = "", latest = null

function get(path) {
  if (!cache.has(path)) {
    const url = new URL(`${path}?v=${shards.version}`, search)
    cache.set(path, fetch(url).then(res => res.ok ? res.json() : {}).catch(() => ({})))
  }
  return cache.get(path)
}

/* FNV-1a over UTF-16 code units: `bucket_of` in search_shards.py */
function bucket(key) {
  let value = 0x811c9dc5
  for (let i = 0; i < key.length; i++)
    value = Math.imul(value ^ key.charCodeAt(i), 0x01000193) >>> 0
  return value % shards.buckets
}

/* Split as Material's worker does (internal/_/index.ts: split) */
function split(input) {
  const parts = []
  const pattern = new RegExp(separator, "g")
  let index = 0, match
  do {
    match = pattern.exec(input)
    const until = match ? match.index : input.length
    if (index < until) parts.push(input.slice(index, until))
    if (match) {
      index = match.index + match[0].length
      if (!match[0].length) pattern.lastIndex = match.index + 1
    }
  } while (match)
  return parts
}

/* What each query word may match: [prefix, exact] pairs, one list per query word */
function wanted(query) {
  const words = []
  for (const part of query.trim().split(/\s+/)) {
    const clean = part.replace(/^(?:title|text|tags):/, "").replace(/^[+\-]+|["]/g, "").replace(/[*~^].*$/, "")
    for (const token of split(clean)) {
      const word = token.toLowerCase(), ways = []
      if (word.length > 1) ways.push([word, false])
      for (const run of word.match(HAN) || [])  /* Material segments Chinese against the index's words */
        for (let i = 0; i < run.length; i++) {
          if (i + 1 < run.length) ways.push([run.slice(i, i + 2), false])
          ways.push([run[i], true])
        }
      if (ways.length) words.push(ways)
    }
  }
  return words
}

/* The pages of a word's entry: a delta-coded list or a base64 bitmap */
function members(all) {
  if (typeof all !== "string") {
    let sum = 0
    return all.map(delta => sum += delta)
  }
  const bytes = atob(all), out = []
  for (let i = 0; i < bytes.length; i++)
    for (let bit = 0, byte = bytes.charCodeAt(i); byte; bit++, byte >>= 1)
      if (byte & 1) out.push(i * 8 + bit)
  return out
}

/* The pages to load for a query: most query words first, then the best-ranked, then in index order */
async function pagesFor(query) {
  const score = new Map()
  for (const ways of wanted(query)) {
    const found = new Map()
    for (const [text, exact] of ways) {
      const words = await get(`words/${bucket(text.slice(0, 2))}.json`)
      for (const [word, [best, all]] of Object.entries(words))
        if (exact ? word === text : word.startsWith(text)) {
          for (const page of members(all)) found.set(page, found.get(page) || 0)
          best.forEach((page, rank) => found.set(page, Math.max(found.get(page), best.length - rank)))
        }
    }
    for (const [page, rank] of found) score.set(page, (score.get(page) || 0) + 1000 + rank)
  }
  return [...score].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, shards.limit).map(([page]) => page)
}

async function handle(message) {
  if (message.type === SETUP) {
    setup = message.data
    shards = setup.config.newsguide || null
    separator = setup.config.separator
    loaded = ""
    return post(await ask(message))
  }
  if (message.type === QUERY && shards) {
    if (message !== latest) return  /* a newer query is waiting: answer that one */
    const pages = (await pagesFor(message.data)).sort((a, b) => a - b)
    if (message !== latest) return
    const key = pages.join(",")
    if (key !== loaded) {
      const docs = (await Promise.all(pages.map(page => get(`pages/${page}.json`)))).flat()
      if (message !== latest) return
      const answer = await ask({ type: SETUP, data: { ...setup, docs: [...setup.docs, ...docs] } })
      if (answer.type !== READY) return post(answer)
      loaded = key
    }
  }
  post(await ask(message))
}

let queue = Promise.resolve()
listen("message", event => {
  if (event.data && event.data.type === QUERY) latest = event.data
  queue = queue.then(() => handle(event.data)).catch(error => console.warn("Search:", error))
})
