### Privacy: deleting the person's data.

privacy-deleted = Valmis. Poistin kaiken, mitä tallensin sinusta tässä keskustelussa. Voimme aloittaa alusta, kun haluat.
privacy-delete_failed = Anteeksi, en pystynyt poistamaan tietojasi juuri nyt. Yritä hetken päästä uudelleen tai pyydä saada puhua ihmisen kanssa.
privacy-not_deleted = Selvä, en poistanut mitään. Vastauksesi ovat tallessa, ja voimme jatkaa.
