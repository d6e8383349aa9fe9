### One-tap feedback (bot/feedback, actions/feedback.py): buttons, questions, thanks.

feedback-useful_button = Hyödyllinen
feedback-not_useful_button = Ei hyödyllinen
feedback-yes_button = Kyllä
feedback-no_button = Ei
feedback-ask_chat = Vielä yksi nopea kysymys: oliko tästä keskustelusta sinulle hyötyä? Vastaat nimettömänä.
feedback-ask_handoff = Oliko ohjaajan avusta sinulle hyötyä? Vastaat nimettömänä.
feedback-thanks_useful = Kiitos! Kiva kuulla.
feedback-thanks_not_useful = Kiitos, kun kerroit. Se auttaa meitä tekemään paremmin.
feedback-thanks_changed = Kiitos, vaihdoin vastauksesi.
feedback-not_understood = Anteeksi, en saanut vastauksesta selvää. Voit jatkaa siitä, mihin jäimme.
feedback-save_failed = Kiitos! En juuri nyt saanut vastaustasi tallennettua. Voit jatkaa siitä, mihin jäimme.
