// The "page not found" page finds the site's root folder before anything on it loads.
//
// A web server shows this page at whatever address was missing, at any depth
// (nginx: `error_page 404 /toolkit/404.html;`), so its relative links and assets cannot be
// read from that address. The page is written relative to the site's root, under a
// `<base href="about:blank">` that keeps the browser from fetching anything too early; this
// script asks the server which folder above the address holds this very page (the one whose
// copy carries `mark`) and makes that folder the base. Nothing to configure: SITE_URL is not
// needed, and the same page works at the root, under any sub-path and from disk.
(function (own, mark, sections) {
  var base = document.querySelector("base[data-site-root]");

  function folders(path) {
    var parts = path.split("/").slice(1, -1);
    return parts.map(function (_, end) {
      return "/" + parts.slice(0, end).map(function (part) { return part + "/"; }).join("");
    }).concat(parts.length ? ["/" + parts.join("/") + "/"] : ["/"]);
  }

  // Most likely first: the folder above a section of the site (`/toolkit/guide/old/`),
  // the folder this page lives in when opened at its own address, then from the top down.
  function candidates(path) {
    var all = folders(path);
    var parts = path.split("/").slice(1, -1);
    var section = parts.findIndex(function (part) { return sections.indexOf(part) >= 0; });
    var first = section >= 0 ? [all[section]] : [];
    if (path.slice(-own.length - 1) === "/" + own) first.push(path.slice(0, -own.length));
    return first.concat(all).filter(function (root, index, list) {
      return list.indexOf(root) === index;
    });
  }

  // A synchronous request: the page's styles and scripts must not load before the base is
  // known, and Material starts on DOMContentLoaded, which may not wait for anything else.
  function holdsThisPage(root) {
    var request = new XMLHttpRequest();
    try {
      request.open("GET", location.origin + root + own, false);
      request.send();
    } catch (error) {
      return false;
    }
    return request.status === 200 && request.responseText.indexOf(mark) >= 0;
  }

  // Relative addresses resolve against the base, which is `about:blank` until it is set.
  var path = location.pathname;
  if (location.protocol === "file:") {
    // Opened from disk, the page is only ever shown at its own address.
    var folder = path.slice(-own.length) === own ? path.slice(0, -own.length) : path;
    base.href = "file://" + folder.replace(/[^/]*$/, "");
  } else {
    base.href = location.origin + (candidates(path).find(holdsThisPage) || "/");
  }
})
