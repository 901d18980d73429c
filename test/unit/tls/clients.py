# Prints, for each "name url verify" argument triple, the error text python-requests gives (one JSON line each).
import json, sys, requests
args = sys.argv[1:]
for i in range(0, len(args), 3):
    name, url, verify = args[i:i + 3]
    try:
        requests.get(url, verify=(True if verify == '-' else verify), timeout=3)
        text = 'OK'
    except Exception as e:  # the whole message, as a user would paste it
        text = f'{type(e).__module__}.{type(e).__name__}: {e}'
    print(json.dumps({'name': name, 'text': text}))
