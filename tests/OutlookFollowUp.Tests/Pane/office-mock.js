// A mocked Outlook around the real office.js (served from @microsoft/office-js): office.js loads and defines Office as
// usual; reads of window.Office see it through a proxy that answers onReady, context and actions from this mock.
// Every call the pane makes into Outlook is recorded in window.__office.calls for the test to read.
window.__officeMockSetup = function (config) {
  const calls = [];
  const handlers = {};
  const associated = {};
  const ok = value => ({ status: 'succeeded', value });
  const record = (name, ...args) => { calls.push({ name, args: JSON.parse(JSON.stringify(args)) }); };

  function readItem(spec) {
    return {
      itemType: 'message',
      itemId: spec.itemId,
      internetMessageId: spec.internetMessageId,
      subject: spec.subject,
      displayReplyAllForm: arg => record('displayReplyAllForm', arg),
      displayReplyForm: arg => record('displayReplyForm', arg),
      notificationMessages: { replaceAsync: (key, details, cb) => { record('notificationMessages.replaceAsync', key, details); cb?.(ok()); } },
    };
  }

  // A draft: its custom properties persist across loads (as Outlook keeps them on the item); spec.failSave makes
  // saveAsync fail as Outlook does (status failed with an error), spec.noCustomProperties drops the API.
  function composeItem(spec) {
    const saved = { ...(spec.customProperties ?? {}) };
    const failed = message => ({ status: 'failed', error: { code: 9002, name: 'InternalServerError', message } });
    const item = {
      itemType: 'message',
      internetHeaders: { setAsync: (headers, cb) => { record('internetHeaders.setAsync', headers); cb?.(ok()); } },
      notificationMessages: { replaceAsync: (key, details, cb) => { record('notificationMessages.replaceAsync', key, details); cb?.(ok()); } },
      __saved: saved,
    };
    if (!spec.noCustomProperties) {
      item.loadCustomPropertiesAsync = cb => {
        const props = { ...saved };
        cb(ok({
          get: k => props[k],
          set: (k, v) => { props[k] = v; record('customProperties.set', k, v); },
          remove: k => { delete props[k]; record('customProperties.remove', k); },
          getAll: () => ({ ...props }),
          saveAsync: cb2 => {
            record('customProperties.saveAsync');
            if (spec.failSave) { cb2?.(failed(spec.failSave)); return; }
            for (const k of Object.keys(saved)) delete saved[k];
            Object.assign(saved, props);
            cb2?.(ok());
          },
        }));
      };
    }
    return item;
  }

  const makeItem = spec => (spec === null ? null : spec.compose ? composeItem(spec) : readItem(spec));
  const mailbox = {
    item: makeItem(config.item ?? null),
    userProfile: { displayName: config.userName ?? 'Alex Wilber', emailAddress: 'alex.wilber@contoso.com' },
    diagnostics: { hostName: config.hostName ?? 'OutlookWebApp', hostVersion: '16.0' },
    convertToRestId: (id, version) => { record('convertToRestId', id, version); return (config.restIds ?? {})[id] ?? `rest:${id}`; },
    convertToEwsId: (id, version) => { record('convertToEwsId', id, version); return `ews:${id}`; },
    displayMessageForm: id => record('displayMessageForm', id),
    displayNewMessageForm: arg => record('displayNewMessageForm', arg),
    addHandlerAsync: (type, handler, cb) => { handlers[type] = handler; record('addHandlerAsync', type); cb?.(ok()); },
  };
  const supported = new Set(config.requirementSets ?? ['Mailbox 1.1', 'Mailbox 1.5', 'Mailbox 1.8']);
  const context = {
    mailbox,
    platform: config.platform ?? 'OfficeOnline',
    displayLanguage: config.displayLanguage ?? 'en-US',
    requirements: { isSetSupported: (name, version) => supported.has(`${name} ${version}`) },
    ui: { openBrowserWindow: url => record('ui.openBrowserWindow', url) },
  };
  const enums = {
    MailboxEnums: {
      RestVersion: { v1_0: 'v1.0', v2_0: 'v2.0', Beta: 'beta' },
      ItemNotificationMessageType: { ProgressIndicator: 'progressIndicator', InformationalMessage: 'informationalMessage', ErrorMessage: 'errorMessage' },
    },
    EventType: { ItemChanged: 'olkItemSelectedChanged' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  };
  const info = { host: 'Outlook', platform: context.platform };
  // Getters hand out fresh objects: office.js assigns its own Office.actions.associate while it loads, and must not
  // overwrite the mock's.
  const overrides = {
    onReady: cb => { cb?.(info); return Promise.resolve(info); },
    context,
    get actions() { return { associate: (name, fn) => { associated[name] = fn; record('actions.associate', name); } }; },
    get auth() {
      return {
        getAccessToken: options => { record('auth.getAccessToken', options); return Promise.resolve(config.ssoToken ?? 'sso-token'); },
        // What Outlook says about the signed-in user (NestedAppAuth hosts): the pane's login hint.
        getAuthContext: () => { record('auth.getAuthContext'); return Promise.resolve({ userPrincipalName: 'alex.wilber@contoso.com', tenantId: 'tenant-1', userObjectId: 'oid-1' }); },
      };
    },
  };

  let real;
  let proxy;
  Object.defineProperty(window, 'Office', {
    configurable: false,
    get() {
      if (!real) return undefined;
      proxy ??= new Proxy(real, {
        get: (target, name) => (name in overrides ? overrides[name]
          : name in enums ? { ...enums[name], ...(target[name] ?? {}) } : target[name]),
      });
      return proxy;
    },
    set(value) { real = value; proxy = undefined; },
  });

  window.__office = {
    calls,
    callsNamed: name => calls.filter(c => c.name === name),
    /** The custom properties saved on the open draft (what the sent copy will carry). */
    savedProperties: () => ({ ...(mailbox.item?.__saved ?? {}) }),
    /** Selects another item (or none) and raises ItemChanged, as a pinned pane sees it. */
    changeItem(spec) { mailbox.item = makeItem(spec); handlers[enums.EventType.ItemChanged]?.({ type: enums.EventType.ItemChanged }); },
    /** Runs a function command like Outlook does; resolves when the command calls event.completed(). */
    runCommand: name => new Promise((resolve, reject) => {
      const fn = associated[name];
      if (!fn) { reject(new Error(`no function command ${name}`)); return; }
      fn({ source: { id: name }, completed: options => { record('event.completed', options ?? null); resolve(true); } });
    }),
  };
};
