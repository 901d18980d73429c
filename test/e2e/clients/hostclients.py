# Ground truth for host-name matching and chain verification: for each "name host port cafile" quadruple, connects to
# 127.0.0.1:port as `host` with Python's ssl module (default context, then with the CN fallback off as urllib3 2 sets
# it) and with requests, and prints one JSON line {name, urllib3, ssl, ssl_no_cn, requests}: "OK" or the error text,
# urllib3 its major version (1 and 2 match host names differently).
import json, socket, ssl, sys
import requests, urllib3

_getaddrinfo = socket.getaddrinfo
# Every name resolves to 127.0.0.1, so "localhost." works without touching DNS.
socket.getaddrinfo = lambda host, *a, **k: _getaddrinfo('127.0.0.1', *a, **k)

def with_ssl(host, port, cafile, cn_fallback):
    ctx = ssl.create_default_context(cafile=cafile)
    if not cn_fallback:
        ctx.hostname_checks_common_name = False
    try:
        with socket.create_connection(('127.0.0.1', port), timeout=3) as raw, ctx.wrap_socket(raw, server_hostname=host):
            return 'OK'
    except Exception as e:
        return f'{type(e).__name__}: {e}'

def with_requests(host, port, cafile):
    try:
        requests.get(f'https://{host}:{port}/', verify=cafile, timeout=3)
        return 'OK'
    except Exception as e:
        return f'{type(e).__name__}: {e}'

args = sys.argv[1:]
for i in range(0, len(args), 4):
    name, host, port, cafile = args[i:i + 4]
    port = int(port)
    print(json.dumps({'name': name, 'urllib3': int(urllib3.__version__.split('.')[0]), 'ssl': with_ssl(host, port, cafile, True), 'ssl_no_cn': with_ssl(host, port, cafile, False),
                      'requests': with_requests(host, port, cafile)}))
