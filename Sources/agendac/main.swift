print("agendac")
