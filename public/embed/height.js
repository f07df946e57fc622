// tongbao embed pages: tell the page that frames this one how tall the content is, so it can size the iframe
// (the listener in the "嵌入 / Embed" snippet does that). Optional: the embed page is complete without it.
// Posts { type: "tongbao:height", id: <chart id>, height: <CSS px> } to the parent whenever the height changes
// (load, resize, the data table opened or closed).
(function () {
  if (window.parent === window) return;
  var script = document.currentScript;
  var id = (script && script.getAttribute("data-chart")) || "";
  var last = -1;
  function post() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    // The height is not secret and the framing page may be anywhere: "*" is the target origin.
    window.parent.postMessage({ type: "tongbao:height", id: id, height: height }, "*");
  }
  if (typeof ResizeObserver === "function") new ResizeObserver(post).observe(document.documentElement);
  window.addEventListener("load", post);
  window.addEventListener("resize", post);
  document.addEventListener("toggle", post, true);
  post();
})();
