-- wrk: POST /api/v1/cases, opening one legalisir case per request.
wrk.method = "POST"
wrk.body = '{"procedure":"legalisir","role":"front_office","data":{"jumlah_lembar":"2"}}'
wrk.headers["Content-Type"] = "application/json"
