home-title = Acasă
home-greeting = Bun venit, { $name }
home-next-meeting = Ședința următoare
home-no-meeting = Nu a fost programată încă nicio ședință.
home-my-actions = Acțiunile deschise ale instituției dumneavoastră
home-no-actions = Instituția dumneavoastră nu are acțiuni deschise.
home-no-agency = Nu sunteți asociat unei instituții, deci nu există acțiuni ale instituției de afișat.
home-notices = Notificări
home-no-notices = Nimic nou.
home-directory = Vedeți instituțiile din grup și pe cei care le reprezintă
home-research-due = Documentarea trebuie trimisă până la { $when }
home-all-actions = Toate acțiunile instituției dumneavoastră
home-mark-read = Marchează ca citit
role-admin = Administrator
role-chair = Președinte de ședință
role-coordinator = Coordonator
role-member = Membru
role-observer = Observator
home-overdue-count = { $count ->
    [one] { $count } întârziată
   *[other] { $count } întârziate
}
home-due-soon-count = { $count } cu termenul în următoarele 7 zile
home-open-count = { $count ->
    [one] { $count } deschisă
   *[other] { $count } deschise
}
home-due-on = termen { $when }
