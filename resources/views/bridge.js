// The MCP Apps host bridge the views share (ext-apps, protocol 2026-01-26), spliced into each view
// where it says so (app/tools/views.cpp): JSON-RPC over postMessage to the host, the ui/initialize
// handshake, the host's theme variables, ping and teardown. `render` gets each tool result.
function mcpAppBridge(appName, render) {
  const pending = {};
  let next = 0;
  const post = m => parent.postMessage({ jsonrpc: '2.0', ...m }, '*');
  const request = (method, params) => new Promise((ok, fail) => {
    pending[++next] = { ok, fail };
    post({ id: next, method, params });
  });
  const resized = () => post({ method: 'ui/notifications/size-changed',
    params: { width: document.body.scrollWidth, height: document.body.scrollHeight } });
  function theme(ctx) {
    const v = ((ctx || {}).styles || {}).variables || {};
    for (const k in v) if (v[k]) document.documentElement.style.setProperty(k, v[k]);
    if ((ctx || {}).theme) document.documentElement.style.colorScheme = ctx.theme;
  }
  addEventListener('message', e => {
    const m = e.data;
    if (e.source !== parent || !m || m.jsonrpc !== '2.0') return;
    if (m.method === undefined) {
      const p = pending[m.id];
      delete pending[m.id];
      if (p) m.error ? p.fail(m.error) : p.ok(m.result);
    } else if (m.method === 'ui/notifications/tool-result') render(m.params);
    else if (m.method === 'ui/notifications/host-context-changed') theme(m.params);
    else if (m.id !== undefined) {
      const known = m.method === 'ping' || m.method === 'ui/resource-teardown';
      post(known ? { id: m.id, result: {} } : { id: m.id, error: { code: -32601, message: 'Method not found' } });
    }
  });
  request('ui/initialize', {
    protocolVersion: '2026-01-26', appInfo: { name: appName, version: '1' },
    appCapabilities: { availableDisplayModes: ['inline'] }
  }).then(r => { theme(r && r.hostContext); post({ method: 'ui/notifications/initialized', params: {} }); resized(); });
  return { request, resized };
}
