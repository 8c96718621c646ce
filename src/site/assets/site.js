// The site's only script: the 繁/简 switch (opencc-js, loaded only when used) and the pinyin toggle.
// Both choices are remembered in localStorage. Without JavaScript the page reads as built.
(function () {
  'use strict';
  var root = document.documentElement;
  var me = document.currentScript;
  var prefix = (me && me.getAttribute('data-prefix')) || '/';
  var SCRIPT_KEY = 'archive.script';
  var READINGS_KEY = 'archive.readings';
  var HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
  var pageScript = root.getAttribute('data-script') || 'Hant';
  var current = pageScript;
  var converters = {};
  var texts = new Map();
  var attrs = [];
  var originalTitle = document.title;

  function read(key) { try { return window.localStorage.getItem(key); } catch (e) { return null; } }
  function store(key, value) { try { window.localStorage.setItem(key, value); } catch (e) { /* private mode */ } }
  function tag(script) { return script === 'Hans' ? 'zh-Hans' : 'zh-Hant'; }

  // t2cn.js and cn2t.js each define window.OpenCC; take the converter as soon as one has loaded.
  function converter(target) {
    if (!converters[target]) {
      converters[target] = new Promise(function (resolve, reject) {
        var s = document.createElement('script');
        s.src = prefix + 'assets/opencc/' + (target === 'Hans' ? 't2cn.js' : 'cn2t.js');
        s.onload = function () {
          resolve(window.OpenCC.Converter(target === 'Hans' ? { from: 't', to: 'cn' } : { from: 'cn', to: 't' }));
        };
        s.onerror = function () { converters[target] = null; reject(new Error('cannot load ' + s.src)); };
        document.head.appendChild(s);
      });
    }
    return converters[target];
  }

  function skip(el) { return !el || el.closest('script, style, [data-no-convert]'); }

  // Remembers every convertible text and attribute as the page was built, once.
  function collect() {
    if (texts.size || attrs.length) return;
    var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (var n = walker.nextNode(); n; n = walker.nextNode()) {
      if (HAN.test(n.nodeValue) && !skip(n.parentElement)) texts.set(n, n.nodeValue);
    }
    document.querySelectorAll('[aria-label], [title], [lang]').forEach(function (el) {
      if (el === root || skip(el)) return;
      ['aria-label', 'title', 'lang'].forEach(function (name) {
        if (el.hasAttribute(name)) attrs.push({ el: el, name: name, value: el.getAttribute(name) });
      });
    });
  }

  function show(target, convert) {
    texts.forEach(function (value, node) { node.nodeValue = convert ? convert(value) : value; });
    attrs.forEach(function (a) {
      var value = a.name === 'lang' ? (convert ? tag(target) : a.value) : (convert ? convert(a.value) : a.value);
      a.el.setAttribute(a.name, value);
    });
    document.title = convert ? convert(originalTitle) : originalTitle;
    root.lang = tag(target);
    current = target;
    document.querySelectorAll('[data-script-choice]').forEach(function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-script-choice') === target));
    });
  }

  function useScript(target) {
    if (target !== 'Hant' && target !== 'Hans') return Promise.resolve();
    collect();
    if (target === current) return Promise.resolve();
    if (target === pageScript) { show(target, null); return Promise.resolve(); }
    return converter(target).then(function (convert) { show(target, convert); });
  }

  function showReadings(on) {
    root.classList.toggle('readings-hidden', !on);
    document.querySelectorAll('.ruby-toggle').forEach(function (b) { b.setAttribute('aria-pressed', String(on)); });
  }

  function start() {
    document.querySelectorAll('.switches').forEach(function (el) { el.hidden = false; });
    document.querySelectorAll('.script-switch button[data-script]').forEach(function (b) {
      b.setAttribute('data-script-choice', b.getAttribute('data-script'));
      b.addEventListener('click', function () {
        var target = b.getAttribute('data-script');
        store(SCRIPT_KEY, target);
        useScript(target);
      });
    });
    document.querySelectorAll('.ruby-toggle').forEach(function (b) {
      b.addEventListener('click', function () {
        var on = b.getAttribute('aria-pressed') !== 'true';
        store(READINGS_KEY, on ? 'shown' : 'hidden');
        showReadings(on);
      });
    });
    showReadings(read(READINGS_KEY) !== 'hidden');
    var wanted = read(SCRIPT_KEY);
    if (wanted && wanted !== pageScript) useScript(wanted).then(ready, ready);
    else ready();
  }

  function ready() { root.setAttribute('data-switches-ready', current); }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
