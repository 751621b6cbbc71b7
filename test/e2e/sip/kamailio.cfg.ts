/**
 * The Kamailio 5.6 script for the SIP end-to-end tests: a WebSocket-only registrar and proxy on one loopback port,
 * with digest auth against an in-script user map (no database) and an in-memory location table.
 *
 * Why it looks the way it does (see ../shared/TESTING.md, "A real SIP server"):
 * - sip.js puts `*.invalid` hosts in Via and Contact; `nat_uac_test("64")` spots them, `fix_nated_register()` stores
 *   the real source as `received`, and `add_contact_alias()` lets in-dialog requests find the WebSocket again
 *   (`handle_ruri_alias()` after `loose_route()`).
 * - No `alias=127.0.0.1`: every `127.0.0.1:<port>` contact would count as "myself" and in-dialog requests would loop.
 *   Only the SIP domain (not an address) is an alias.
 * - `REGISTER_MARKER` is logged once per REGISTER received, before auth, so a test can count attempts per user.
 * - Optional wss:// (`tls`): a TLS listener next to the plain one; the peer pages keep using ws:// while the
 *   extension under test uses wss://, and the tests still read the location table over plain HTTP.
 * - Optional plain-SIP interop (`rtpengine`): a UDP listener for phones like baresip, and rtpengine (its NG control
 *   socket) on calls to the listed users only — DTLS-SRTP/ICE/rtcp-mux on the WebSocket side, RTP/AVP on the UDP
 *   side. Calls between WebRTC users never touch rtpengine. The dialog remembers the bridge in a Record-Route
 *   parameter, so re-INVITEs and BYEs find it again.
 */

export interface KamailioCfgOptions {
  /** TCP port on 127.0.0.1 that serves the WebSocket upgrade. */
  port: number;
  /** SIP domain users register in (also the digest realm). */
  domain: string;
  /** username → password for digest auth. */
  users: Record<string, string>;
  /** Directory for Kamailio's runtime files. */
  runDir: string;
  /** Kamailio's module directory. */
  modulesDir: string;
  /** Plain-RTP phones: a UDP listener on 127.0.0.1 and rtpengine for calls to `users` (see the file comment). */
  rtpengine?: RtpengineBridge;
  /** The longest registration Kamailio grants, in s (clients asking for more get this): short ones test refreshes. */
  maxExpires?: number;
  /** Holds every authenticated REGISTER from `user` that adds a binding for `ms` before saving it: a slow registration. */
  slowRegister?: { user: string; ms: number };
  /** Answers every REGISTER from `user` with 503 and `Retry-After: <retryAfter>` (an overloaded registrar). */
  busyRegister?: { user: string; retryAfter: number };
  /** wss:// as well: a TLS listener on 127.0.0.1 serving the same WebSocket routes (`tlsCfg()` writes its config). */
  tls?: { port: number; configPath: string };
}

/** The tls module's own config file: one server certificate for every client, no client certificates asked for. */
export function tlsCfg(options: { certificatePath: string; privateKeyPath: string }): string {
  const certificate = check('certificate path', options.certificatePath, SAFE_PATH);
  const privateKey = check('private key path', options.privateKeyPath, SAFE_PATH);
  return `[server:default]
method = TLSv1.2+
verify_certificate = no
require_certificate = no
certificate = ${certificate}
private_key = ${privateKey}

[client:default]
method = TLSv1.2+
verify_certificate = no
require_certificate = no
`;
}

export interface RtpengineBridge {
  /** UDP port on 127.0.0.1 for plain SIP (the phones register and are called there). */
  udpPort: number;
  /** rtpengine's NG control socket, e.g. `udp:127.0.0.1:2223`. */
  ngSocket: string;
  /** Users whose calls go through rtpengine (both directions). */
  users: string[];
}

/**
 * rtpengine flags per direction. Towards the plain phone: drop ICE, demultiplex RTCP, plain RTP/AVP (no SRTP).
 * Towards a WebRTC client: rtpengine is the only ICE candidate, the WebRTC profile (DTLS-SRTP) and rtcp-mux.
 * `trust-address`: the SDP addresses are right (nobody is behind NAT on these machines), not the signalling source.
 */
const TO_PLAIN_RTP = 'trust-address replace-origin replace-session-connection ICE=remove RTP/AVP rtcp-mux-demux';
const TO_WEBRTC = 'trust-address replace-origin replace-session-connection ICE=force UDP/TLS/RTP/SAVPF rtcp-mux-offer generate-mid';

/** Logged (at NOTICE) for every REGISTER received: `DIALABLE-REGISTER user=<From user>`. */
export const REGISTER_MARKER = 'DIALABLE-REGISTER';
/** Logged (at NOTICE) for every initial INVITE received, before auth: `DIALABLE-INVITE from=<From user> to=<R-URI user>@<R-URI host> call=<Call-ID>`. */
export const INVITE_MARKER = 'DIALABLE-INVITE';
/** Logged when a REGISTER of the `slowRegister` user starts being held. */
export const HOLD_MARKER = 'DIALABLE-HOLD';
/** Logged for every authenticated REGISTER the location table saved (new binding, refresh or removal). */
export const SAVED_MARKER = 'DIALABLE-SAVED';
/** Logged for every authenticated REGISTER that removes a binding (Contact `expires=0` or `Expires: 0`). */
export const UNREGISTER_MARKER = 'DIALABLE-UNREGISTER';
/** Logged for every REGISTER and initial INVITE: `DIALABLE-PROTO method=<method> user=<From user> proto=<ws|wss|udp…>`. */
export const PROTO_MARKER = 'DIALABLE-PROTO';
/** `GET /location/<user>` on the WebSocket port answers with the number of live bindings of `<user>`. */
export const LOCATION_PATH = '/location/';

/** Debian's module directory; other layouts can set KAMAILIO_MODULES. */
export const KAMAILIO_MODULES_DIR = process.env.KAMAILIO_MODULES ?? '/usr/lib/x86_64-linux-gnu/kamailio/modules';

// Values are pasted into the script as string literals and identifiers: keep them to characters that need no quoting.
const SAFE_USER = /^[A-Za-z0-9._~+-]{1,64}$/;
const SAFE_PASSWORD = /^[A-Za-z0-9._~!*+=@%^-]{1,128}$/;
const SAFE_DOMAIN = /^[A-Za-z0-9.-]{1,253}$/;
const SAFE_PATH = /^[A-Za-z0-9._/+-]+$/;
const SAFE_SOCKET = /^udp6?:[0-9A-Za-z.:[\]]+:\d{1,5}$/;

function check(what: string, value: string, pattern: RegExp): string {
  if (!pattern.test(value)) throw new Error(`kamailio.cfg: ${what} ${JSON.stringify(value)} must match ${pattern}`);
  return value;
}

/** One `if ($au == "alice") { $var(pw) = "…"; }` branch per user; unknown users keep an empty password and fail. */
function passwordBranches(users: Record<string, string>): string {
  const entries = Object.entries(users);
  if (entries.length === 0) return '\t$var(pw) = "";';
  const branches = entries.map(
    ([user, password]) =>
      `if ($au == "${check('user', user, SAFE_USER)}") {\n\t\t$var(pw) = "${check('password', password, SAFE_PASSWORD)}";\n\t}`,
  );
  return `\t$var(pw) = "";\n\t${branches.join(' else ')}`;
}

/** One `$rU == "alice"` test per user, for the "is this one of our users" check on calls to the domain. */
function knownUserTest(users: Record<string, string> | string[]): string {
  const names = Array.isArray(users) ? users : Object.keys(users);
  if (names.length === 0) return '0';
  return names.map((user) => `$rU == "${check('user', user, SAFE_USER)}"`).join(' || ');
}

export function kamailioCfg(options: KamailioCfgOptions): string {
  const { port, users } = options;
  const domain = check('domain', options.domain, SAFE_DOMAIN);
  const runDir = check('run dir', options.runDir, SAFE_PATH);
  const modulesDir = check('modules dir', options.modulesDir, SAFE_PATH);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`kamailio.cfg: bad port ${port}`);
  const maxExpires = options.maxExpires ?? 3600;
  if (!Number.isInteger(maxExpires) || maxExpires < 10) throw new Error(`kamailio.cfg: bad max expires ${maxExpires}`);
  const slowUser = options.slowRegister ? check('user', options.slowRegister.user, SAFE_USER) : '';
  const slowMs = options.slowRegister?.ms ?? 0;
  if (!Number.isInteger(slowMs) || slowMs < 0 || slowMs > 30_000) throw new Error(`kamailio.cfg: bad slow register delay ${slowMs}`);
  // cfgutils' usleep holds this worker; the script has two TCP workers, so other connections carry on meanwhile.
  const slow = options.slowRegister
    ? `\tif ($fU == "${slowUser}" && $hdr(Expires) != "0" && !($hdr(Contact) =~ ";expires=0([^0-9]|$)")) {\n\t\txlog("L_NOTICE", "${HOLD_MARKER} user=$fU\\n");\n\t\tusleep("${slowMs * 1000}");\n\t}\n`
    : '';
  const busyUser = options.busyRegister ? check('user', options.busyRegister.user, SAFE_USER) : '';
  const busyAfter = options.busyRegister?.retryAfter ?? 0;
  if (!Number.isInteger(busyAfter) || busyAfter < 0 || busyAfter > 3600) throw new Error(`kamailio.cfg: bad Retry-After ${busyAfter}`);
  const busy = options.busyRegister
    ? `	if (is_method("REGISTER") && $fU == "${busyUser}") {
		append_to_reply("Retry-After: ${busyAfter}\r\n");
		sl_send_reply("503", "Service Unavailable");
		exit;
	}
`
    : '';
  const tls = options.tls;
  if (tls && (!Number.isInteger(tls.port) || tls.port <= 0 || tls.port > 65535)) throw new Error(`kamailio.cfg: bad TLS port ${tls.port}`);
  // wss:// is the same xhttp/websocket route on a TLS socket: the websocket module tells ws from wss by the socket.
  const secure = {
    listen: tls ? `listen=tls:127.0.0.1:${tls.port}\nenable_tls=yes\n` : '',
    modules: tls ? `loadmodule "tls.so"\nmodparam("tls", "config", "${check('tls config path', tls.configPath, SAFE_PATH)}")\n` : '',
    httpPorts: tls ? `$Rp != ${port} && $Rp != ${tls.port}` : `$Rp != ${port}`,
  };
  const rtp = options.rtpengine;
  if (rtp) {
    if (!Number.isInteger(rtp.udpPort) || rtp.udpPort <= 0 || rtp.udpPort > 65535) throw new Error(`kamailio.cfg: bad UDP port ${rtp.udpPort}`);
    check('rtpengine socket', rtp.ngSocket, SAFE_SOCKET);
  }
  // Everything the bridge adds; empty strings without it, so the WebRTC-only script stays as it was.
  const bridge = {
    listen: rtp ? `listen=udp:127.0.0.1:${rtp.udpPort}\n` : '',
    modules: (options.slowRegister ? 'loadmodule "cfgutils.so"\n' : '') + (rtp ? `loadmodule "rtpengine.so"\nmodparam("rtpengine", "rtpengine_sock", "${rtp.ngSocket}")\n#!define FLT_BRIDGE 7\n` : ''),
    cancel: rtp ? '\t\t\trtpengine_delete();\n' : '',
    withinDialog: rtp ? '\t\troute(BRIDGE_IN_DIALOG);\n' : '',
    // After lookup() the request URI is the phone's contact (baresip's contact user is not its AOR user): To and From.
    initial: rtp ? `\tif (is_method("INVITE") && (${knownUserTest(rtp.users).replaceAll('$rU', '$tU')} || ${knownUserTest(rtp.users).replaceAll('$rU', '$fU')})) {\n\t\troute(BRIDGE_OFFER);\n\t}\n` : '',
    replyBody: rtp ? '\tif (isflagset(FLT_BRIDGE)) {\n\t\troute(BRIDGE_ANSWER);\n\t}\n' : '',
    onFailure: rtp ? '\tif (is_method("INVITE")) {\n\t\tt_on_failure("BRIDGE_FAILURE");\n\t}\n' : '',
    routes: rtp
      ? `
# Plain-RTP interop: the SDP is rewritten by rtpengine for the side it goes to ("ws" = a WebRTC client).
route[BRIDGE_OFFER] {
	if (!has_body("application/sdp")) return;
	setflag(FLT_BRIDGE);
	if (!has_totag()) {
		add_rr_param(";rtpbridge=1");
	}
	if ($pr == "ws" || $pr == "wss") {
		rtpengine_offer("${TO_PLAIN_RTP}");
	} else {
		rtpengine_offer("${TO_WEBRTC}");
	}
}

route[BRIDGE_IN_DIALOG] {
	if (!check_route_param("rtpbridge=1")) return;
	if (is_method("BYE")) {
		rtpengine_delete();
	} else if (is_method("INVITE|UPDATE")) {
		route(BRIDGE_OFFER);
	}
}

failure_route[BRIDGE_FAILURE] {
	if (isflagset(FLT_BRIDGE)) {
		rtpengine_delete();
	}
}

route[BRIDGE_ANSWER] {
	if (!has_body("application/sdp") || $rs < 180 || $rs >= 300) return;
	if ($pr == "ws" || $pr == "wss") {
		rtpengine_answer("${TO_PLAIN_RTP}");
	} else {
		rtpengine_answer("${TO_WEBRTC}");
	}
}
`
      : '',
  };

  return `#!KAMAILIO
# Generated by test/e2e/sip/kamailio.cfg.ts — do not edit the copy in the temp dir.

####### Global parameters #########
debug=1
log_stderror=yes
log_prefix="{$mt $hdr(CSeq) $ci} "
fork=yes
children=2
tcp_children=2
auto_aliases=no
listen=tcp:127.0.0.1:${port}
${secure.listen}${bridge.listen}alias="${domain}"
rundir="${runDir}"
mpath="${modulesDir}"
tcp_accept_no_cl=yes
tcp_connection_lifetime=3605
tcp_rd_buf_size=16384
dns=no
rev_dns=no
use_dns_cache=off
server_header="Server: dialable-test-kamailio"
user_agent_header="User-Agent: dialable-test-kamailio"

####### Modules #########
${secure.modules}loadmodule "kex.so"
loadmodule "corex.so"
loadmodule "tm.so"
loadmodule "tmx.so"
loadmodule "sl.so"
loadmodule "rr.so"
loadmodule "pv.so"
loadmodule "maxfwd.so"
loadmodule "textops.so"
loadmodule "siputils.so"
loadmodule "xlog.so"
loadmodule "sanity.so"
loadmodule "usrloc.so"
loadmodule "registrar.so"
loadmodule "nathelper.so"
loadmodule "auth.so"
loadmodule "xhttp.so"
loadmodule "websocket.so"
${bridge.modules}
# Transactions: fail fast, a test waits seconds not minutes.
modparam("tm", "fr_timer", 10000)
modparam("tm", "fr_inv_timer", 60000)

modparam("rr", "enable_full_lr", 0)
modparam("rr", "append_fromtag", 1)

# Location table in memory only.
modparam("usrloc", "db_mode", 0)
modparam("usrloc", "timer_interval", 10)
modparam("registrar", "max_contacts", 10)
modparam("registrar", "min_expires", 10)
modparam("registrar", "max_expires", ${maxExpires})
modparam("registrar", "gruu_enabled", 0)

# The contact's real source (a WebSocket connection) goes into "received".
modparam("nathelper|registrar", "received_avp", "$avp(RECEIVED)")
modparam("nathelper", "natping_interval", 0)

# Nonces live 30 s; the peer re-registers well within that.
modparam("auth", "nonce_expire", 30)

modparam("websocket", "keepalive_mechanism", 0)

####### Routing logic #########
request_route {
	route(REQINIT);
	route(NATDETECT);

	if (is_method("CANCEL")) {
		if (t_check_trans()) {
${bridge.cancel}			route(RELAY);
		}
		exit;
	}

	# Retransmissions are absorbed by tm.
	if (!is_method("ACK")) {
		if (t_precheck_trans()) {
			t_check_trans();
			exit;
		}
		t_check_trans();
	}

	route(WITHINDLG);

	# Only initial requests from here on.
	remove_hf("Route");
	if (is_method("INVITE|SUBSCRIBE|REFER")) {
		record_route();
	}

	if (is_method("REGISTER")) {
		xlog("L_NOTICE", "${REGISTER_MARKER} user=$fU\\n");
	}
${busy}	if (is_method("INVITE")) {
		xlog("L_NOTICE", "${INVITE_MARKER} from=$fU to=$rU@$rd call=$ci\\n");
	}
	if (is_method("REGISTER|INVITE")) {
		xlog("L_NOTICE", "${PROTO_MARKER} method=$rm user=$fU proto=$pr\\n");
	}

	route(AUTH);

	if (is_method("REGISTER")) {
		route(REGISTRAR);
	}

	if ($rU == $null) {
		sl_send_reply("484", "Address Incomplete");
		exit;
	}

	route(LOCATION);
}

route[REQINIT] {
	if (!mf_process_maxfwd_header("10")) {
		sl_send_reply("483", "Too Many Hops");
		exit;
	}
	if (is_method("OPTIONS") && uri == myself && $rU == $null) {
		sl_send_reply("200", "Keepalive");
		exit;
	}
	if (!sanity_check("17895", "7")) {
		xlog("L_WARN", "malformed request from $si:$sp\\n");
		exit;
	}
	if (is_method("MESSAGE|PUBLISH")) {
		sl_send_reply("405", "Method Not Allowed");
		exit;
	}
}

# WebSocket clients (sip.js) advertise *.invalid hosts in Via and Contact.
route[NATDETECT] {
	if (nat_uac_test("64")) {
		force_rport();
		if (is_method("REGISTER")) {
			fix_nated_register();
		} else if (is_first_hop()) {
			add_contact_alias();
		}
	}
}

route[WITHINDLG] {
	if (!has_totag()) return;

	if (loose_route()) {
		# The request URI is the callee's contact with an alias= pointing at its WebSocket.
		handle_ruri_alias();
${bridge.withinDialog}		route(RELAY);
		exit;
	}

	if (is_method("ACK")) {
		if (t_check_trans()) {
			route(RELAY);
		}
		exit;
	}
	sl_send_reply("404", "Not here");
	exit;
}

route[AUTH] {
	# Registrations, and initial requests from our own users, must carry valid credentials.
	if (!is_method("REGISTER") && !(from_uri == myself)) return;
	if (is_method("ACK|CANCEL|PRACK")) return;

${passwordBranches(users)}

	# No credentials yet, or a user we do not know: challenge (auth logs an ERROR for an empty password otherwise).
	if (is_method("REGISTER")) {
		if ($var(pw) == "" || !pv_www_authenticate("$td", "$var(pw)", "0")) {
			www_challenge("$td", "0");
			exit;
		}
		if ($au != $tU) {
			sl_send_reply("403", "Forbidden auth ID");
			exit;
		}
	} else {
		if ($var(pw) == "" || !pv_proxy_authenticate("$fd", "$var(pw)", "0")) {
			proxy_challenge("$fd", "0");
			exit;
		}
		if ($au != $fU) {
			sl_send_reply("403", "Forbidden auth ID");
			exit;
		}
	}
	consume_credentials();
}

route[REGISTRAR] {
${slow}	if ($hdr(Expires) == "0" || $hdr(Contact) =~ ";expires=0([^0-9]|$)") {
		xlog("L_NOTICE", "${UNREGISTER_MARKER} user=$fU\\n");
	}
	if (!save("location")) {
		sl_reply_error();
		exit;
	}
	xlog("L_NOTICE", "${SAVED_MARKER} user=$fU\\n");
	exit;
}

route[LOCATION] {
	if (!(uri == myself)) {
		sl_send_reply("403", "Relaying Forbidden");
		exit;
	}
	if (!(${knownUserTest(users)})) {
		sl_send_reply("404", "Not Found");
		exit;
	}
	if (!lookup("location")) {
		t_newtran();
		t_reply("480", "Temporarily Unavailable");
		exit;
	}
${bridge.initial}	route(RELAY);
	exit;
}

route[RELAY] {
	if (is_method("INVITE|BYE|UPDATE|CANCEL|ACK|REFER|INFO|NOTIFY")) {
		t_on_reply("MANAGE_REPLY");
	}
${bridge.onFailure}	if (!t_relay()) {
		sl_reply_error();
	}
	exit;
}

onreply_route[MANAGE_REPLY] {
	if (nat_uac_test("64")) {
		add_contact_alias();
	}
${bridge.replyBody}}
${bridge.routes}
event_route[xhttp:request] {
	set_reply_close();
	set_reply_no_connect();
	if (${secure.httpPorts}) {
		xhttp_reply("403", "Forbidden", "", "");
		exit;
	}
	if ($hdr(Upgrade) =~ "websocket" && $hdr(Connection) =~ "Upgrade" && $rm =~ "GET") {
		if (ws_handle_handshake()) {
			exit;
		}
	}
	# Tests read the location table: the count of unexpired bindings of one user.
	if ($rm == "GET" && $hu =~ "^${LOCATION_PATH}[A-Za-z0-9.+_-]+$") {
		$var(user) = $(hu{s.substr,${LOCATION_PATH.length},0});
		$var(count) = 0;
		if (reg_fetch_contacts("location", "sip:$var(user)@${domain}", "loc")) {
			$var(count) = $ulc(loc=>count);
		}
		xhttp_reply("200", "OK", "text/plain", "$var(count)");
		exit;
	}
	xhttp_reply("404", "Not Found", "", "");
}
`;
}
