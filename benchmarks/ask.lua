-- wrk script: POST /api/ask with questions taken in turn from a small Korean/English mix.
local questions = {
  '{"question":"미국 철강 관세율은?"}',
  '{"question":"What is the US tariff on Korean cars?"}',
  '{"question":"관세대응바우처 신청방법"}',
  '{"question":"HS 8703 tariff"}',
  '{"question":"멕시코 무역관"}',
  '{"question":"kimchi stew recipe"}',
}
local i = 0
request = function()
  i = i % #questions + 1
  return wrk.format("POST", "/api/ask", {["Content-Type"] = "application/json"}, questions[i])
end
